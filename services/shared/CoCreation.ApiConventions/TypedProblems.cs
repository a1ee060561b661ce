using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.ApiConventions;

/// <summary>
/// Problem answers that say their status in their type, so a handler declared as
/// <c>Results&lt;Ok&lt;T&gt;, NotFoundProblem, ForbiddenProblem&gt;</c> documents itself: the OpenAPI document takes
/// each status from the code, not from a list kept beside it. (Problems a model rule throws, 409, are answered by the
/// exception handler and still declared with <c>ProducesProblem</c>.)
/// </summary>
public abstract class TypedProblem(ProblemHttpResult problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails ProblemDetails => problem.ProblemDetails;

    public int? StatusCode => problem.StatusCode;

    object? IValueHttpResult.Value => problem.ProblemDetails;

    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => problem.ProblemDetails;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    protected static void Describe(EndpointBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}

/// <summary>404: no such resource, or one the caller may not see.</summary>
public sealed class NotFoundProblem(ProblemHttpResult problem) : TypedProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>403: the caller is known but may not do this (not the owner organisation, not a moderator).</summary>
public sealed class ForbiddenProblem(ProblemHttpResult problem) : TypedProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>412 (the If-Match version is not the current one) or 428 (an update without If-Match).</summary>
public sealed class PreconditionProblem(ProblemHttpResult problem) : TypedProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
}

/// <summary>304: the caller's copy (If-None-Match) is current; no body.</summary>
/// <summary>429: a service's own limit on one sender (the gateway's per-client limit answers before a service sees the request).</summary>
public sealed class TooManyProblem(ProblemHttpResult problem) : TypedProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status429TooManyRequests);
}

public sealed class NotModified : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public static readonly NotModified Instance = new();

    public int? StatusCode => StatusCodes.Status304NotModified;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
}
