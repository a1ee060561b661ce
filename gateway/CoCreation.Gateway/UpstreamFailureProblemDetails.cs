using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;

namespace CoCreation.Gateway;

/// <summary>
/// YARP answers an unreachable or failing service with a bare status code and an empty body;
/// this turns it into problem details that say which service failed and what the caller can do.
/// </summary>
internal sealed class UpstreamFailureProblemDetails(RequestDelegate next, IProblemDetailsService problemDetails, ILogger<UpstreamFailureProblemDetails> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Cluster?.Config.ClusterId ?? "upstream";
        var (status, title) = error.Error switch
        {
            // The body was over the gateway's own limit (Api:MaxRequestBodyBytes): the caller's doing, and nothing reached the service.
            ForwarderError.RequestBodyClient when IsTooLarge(error.Exception) =>
                (StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the {context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Api:MaxRequestBodyBytes", CoCreation.ApiConventions.ApiConventionsExtensions.DefaultMaxRequestBodyBytes)} bytes accepted."),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, $"The {service} service did not answer in time."),
            ForwarderError.NoAvailableDestinations or ForwarderError.Request => (StatusCodes.Status503ServiceUnavailable, $"The {service} service is not available."),
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled => (StatusCodes.Status400BadRequest, "The request was cut off before it was sent completely."),
            _ => (StatusCodes.Status502BadGateway, $"The {service} service failed to answer."),
        };
        logger.LogWarning(error.Exception, "Forwarding to {Service} failed: {Error}", service, error.Error);

        context.Response.StatusCode = status;
        if (status is StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status413PayloadTooLarge
                    ? "Send less: texts have limits of their own (see the API reference), files do not go in JSON bodies."
                    : "Try again in a few seconds. If it persists, quote the correlationId to the platform's operators.",
            },
        });
    }

    private static bool IsTooLarge(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }
        return false;
    }
}
