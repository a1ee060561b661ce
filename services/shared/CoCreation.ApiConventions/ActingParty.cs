using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace CoCreation.ApiConventions;

/// <summary>
/// Who is acting: a person, on behalf of an organisation.
/// Until the identity service issues tokens, the development identity supplies them in two headers,
/// <c>X-Dev-Person-Id</c> and <c>X-Dev-Organisation-Id</c> (see docs/api-guide.md). The identity work replaces
/// <see cref="BindAsync"/> with the token's claims; handlers that take an <see cref="ActingParty"/> stay as they are.
/// </summary>
public sealed record ActingParty(string PersonId, Guid? OrganisationId) : IEndpointParameterMetadataProvider
{
    public const string PersonHeader = "X-Dev-Person-Id";
    public const string OrganisationHeader = "X-Dev-Organisation-Id";
    private const int MaxPersonIdLength = 100;

    /// <summary>Minimal APIs call this to bind the parameter; a missing or malformed identity is a 401 problem.</summary>
    public static ValueTask<ActingParty?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var person = context.Request.Headers[PersonHeader].ToString().Trim();
        var organisation = context.Request.Headers[OrganisationHeader].ToString().Trim();
        if (person.Length is 0 or > MaxPersonIdLength)
        {
            throw new UnauthenticatedException($"Say who is acting: send the header {PersonHeader} (at most {MaxPersonIdLength} characters).");
        }
        if (organisation.Length > 0 && !Guid.TryParse(organisation, out _))
        {
            throw new UnauthenticatedException($"{OrganisationHeader} must be the organisation's id, a GUID.");
        }
        return ValueTask.FromResult<ActingParty?>(new ActingParty(person, organisation.Length > 0 ? Guid.Parse(organisation) : null));
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
}

/// <summary>The request did not say who is acting; answered with a 401 problem.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);
