using System.Reflection;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace CoCreation.ApiConventions;

/// <summary>
/// Who is acting: a person (or a partner organisation's system), on behalf of an organisation, with their platform roles.
/// It comes from the access token the identity service issued (<c>sub</c>, <c>organisation_id</c>, <c>role</c>,
/// <c>scope</c>). Where <c>Identity:AllowDevelopmentHeaders</c> is on (by default in Development only), a request
/// without a token may instead name itself in headers: <c>X-Dev-Person-Id</c>, <c>X-Dev-Organisation-Id</c> and
/// <c>X-Dev-Roles</c> (comma-separated; see docs/api-guide.md).
/// A handler parameter of type <c>ActingParty?</c> also admits anonymous callers (null); <c>ActingParty</c> requires one (401).
/// </summary>
public sealed record ActingParty(string PersonId, Guid? OrganisationId, IReadOnlySet<string> Roles) : IEndpointParameterMetadataProvider
{
    public const string PersonHeader = "X-Dev-Person-Id";
    public const string OrganisationHeader = "X-Dev-Organisation-Id";
    public const string RolesHeader = "X-Dev-Roles";
    private const int MaxPersonIdLength = 100;

    public ActingParty(string personId, Guid? organisationId)
        : this(personId, organisationId, new HashSet<string>())
    {
    }

    public bool IsModerator => Roles.Contains(PlatformRoles.Moderator) || Roles.Contains(PlatformRoles.Administrator);

    /// <summary>Acts for a city unit (a school, a library, a museum...): may publish challenges.</summary>
    public bool ActsForCityUnit => OrganisationId is not null && Roles.Contains(PlatformRoles.CityUnit);

    public bool ActsFor(Guid organisationId) => OrganisationId == organisationId;

    /// <summary>Minimal APIs call this to bind the parameter; a missing or malformed identity is a 401 problem.</summary>
    public static ValueTask<ActingParty?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return ValueTask.FromResult<ActingParty?>(FromToken(context.User));
        }
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // A token was sent but did not validate: never fall back to anything weaker.
            throw new UnauthenticatedException("The access token is not valid (expired, tampered with, or for another audience). Get a new one from /connect/token.");
        }
        if (!AllowsDevelopmentHeaders(context))
        {
            return IsOptional(parameter)
                ? ValueTask.FromResult<ActingParty?>(null)
                : throw new UnauthenticatedException("Send an access token: Authorization: Bearer <token> (see docs/api-guide.md).");
        }
        var person = context.Request.Headers[PersonHeader].ToString().Trim();
        var organisation = context.Request.Headers[OrganisationHeader].ToString().Trim();
        if (person.Length == 0 && organisation.Length == 0 && IsOptional(parameter))
        {
            return ValueTask.FromResult<ActingParty?>(null);
        }
        if (person.Length is 0 or > MaxPersonIdLength)
        {
            throw new UnauthenticatedException($"Say who is acting: send the header {PersonHeader} (at most {MaxPersonIdLength} characters).");
        }
        if (organisation.Length > 0 && !Guid.TryParse(organisation, out _))
        {
            throw new UnauthenticatedException($"{OrganisationHeader} must be the organisation's id, a GUID.");
        }
        var roles = context.Request.Headers[RolesHeader].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(PlatformRoles.All.Contains)
            .ToHashSet(StringComparer.Ordinal);
        return ValueTask.FromResult<ActingParty?>(new ActingParty(person, organisation.Length > 0 ? Guid.Parse(organisation) : null, roles));
    }

    private static ActingParty FromToken(ClaimsPrincipal user)
    {
        var subject = user.FindFirst("sub")?.Value ?? throw new UnauthenticatedException("The access token names no subject.");
        var organisation = Guid.TryParse(user.FindFirst(ApiScopes.OrganisationClaim)?.Value, out var id) ? id : (Guid?)null;
        var roles = user.FindAll("role").Select(c => c.Value).Where(PlatformRoles.All.Contains).ToHashSet(StringComparer.Ordinal);
        return new ActingParty(subject, organisation, roles);
    }

    /// <summary>Whether this process takes the development identity headers (<c>Identity:AllowDevelopmentHeaders</c>, by default in Development only).</summary>
    public static bool AllowsDevelopmentHeaders(HttpContext context)
    {
        var services = context.RequestServices;
        return services.GetRequiredService<IConfiguration>().GetValue(
            "Identity:AllowDevelopmentHeaders", services.GetRequiredService<IHostEnvironment>().IsDevelopment());
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        if (!IsOptional(parameter))
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }
    }

    private static bool IsOptional(ParameterInfo parameter) =>
        new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
}

/// <summary>Platform roles a person may hold besides membership of an organisation.</summary>
public static class PlatformRoles
{
    public const string Administrator = "administrator";

    /// <summary>Moderator or city expert: hides content, archives ideas, manages the taxonomy.</summary>
    public const string Moderator = "moderator";

    /// <summary>The acting organisation is one of the city's own units.</summary>
    public const string CityUnit = "city-unit";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Administrator, Moderator, CityUnit], StringComparer.Ordinal);
}

/// <summary>The request did not say who is acting; answered with a 401 problem.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);
