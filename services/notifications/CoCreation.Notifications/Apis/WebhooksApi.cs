using System.ComponentModel.DataAnnotations;
using System.Net;
using CoCreation.ApiConventions;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using CoCreation.Notifications.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Notifications.Apis;

/// <summary>
/// Webhooks: an organisation's systems hear of events as they happen instead of polling. Anyone acting for the
/// organisation (a member, or its system with <c>webhooks.write</c>) manages its subscriptions.
/// </summary>
public static class WebhooksApi
{
    public const int MaxSubscriptionsPerOrganisation = 10;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").WithRequestValidation().RequireScopeForWrites(ApiScopes.WebhooksWrite);
        webhooks.MapGet("/", ListSubscriptions).WithName(nameof(ListSubscriptions))
            .WithSummary("The acting organisation's webhook subscriptions (never their secrets)");
        webhooks.MapPost("/", Subscribe).WithName(nameof(Subscribe))
            .WithSummary("Subscribe a URL to events; the signing secret is in this response only")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        webhooks.MapDelete("/{id:guid}", Unsubscribe).WithName(nameof(Unsubscribe)).WithSummary("End a subscription");
        webhooks.MapPost("/{id:guid}/ping", Ping).WithName(nameof(Ping))
            .WithSummary("Send a signed test delivery, to check the receiver and its signature check");
        webhooks.MapGet("/{id:guid}/deliveries", ListDeliveries).WithName(nameof(ListDeliveries))
            .WithSummary("The subscription's latest 50 deliveries, with each one's outcome");
        return routes;
    }

    public static async Task<Results<Ok<List<WebhookResponse>>, ForbiddenProblem>> ListSubscriptions(ActingParty actor, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisation)
        {
            return Problems.NeedsOrganisation("Managing webhooks");
        }
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.OrganisationId == organisation)
            .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(WebhookResponse.From).ToList());
    }

    public static async Task<Results<Created<WebhookWithSecretResponse>, ForbiddenProblem>> Subscribe(
        WebhookRequest request, ActingParty actor, NotificationsDbContext db, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisation)
        {
            return Problems.NeedsOrganisation("Managing webhooks");
        }
        CheckReceiverUrl(request.Url, options.Value.AllowInsecureUrls);
        if (await db.WebhookSubscriptions.CountAsync(s => s.OrganisationId == organisation, cancellationToken) >= MaxSubscriptionsPerOrganisation)
        {
            throw new RuleViolationException("This organisation has as many webhooks as it may.",
                $"An organisation may have {MaxSubscriptionsPerOrganisation}; end one first.");
        }
        var subscription = WebhookSubscription.Create(organisation, request.Url, request.Events, actor.PersonId, clock.GetUtcNow().UtcDateTime);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", WebhookWithSecretResponse.From(subscription));
    }

    public static async Task<Results<NoContent, NotFoundProblem>> Unsubscribe(Guid id, ActingParty actor, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.WebhookSubscriptions.Where(s => s.Id == id && s.OrganisationId == actor.OrganisationId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound("webhook", id) : TypedResults.NoContent();
    }

    public static async Task<Results<Accepted, NotFoundProblem>> Ping(Guid id, ActingParty actor, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            return Problems.NotFound("webhook", id);
        }
        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7();
        db.WebhookDeliveries.Add(WebhookDelivery.For(id, eventId, WebhookEvents.Ping,
            WebhookFanOut.Payload(eventId, WebhookEvents.Ping, now, new { webhookId = id }), now.UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries");
    }

    public static async Task<Results<Ok<List<WebhookDeliveryResponse>>, NotFoundProblem>> ListDeliveries(Guid id, ActingParty actor, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            return Problems.NotFound("webhook", id);
        }
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.Id).Take(50).ToListAsync(cancellationToken);
        return TypedResults.Ok(deliveries.Select(WebhookDeliveryResponse.From).ToList());
    }

    /// <summary>
    /// A receiver must be an absolute https URL on a public host, so that a webhook cannot be aimed at the platform's
    /// own network. Development and tests may allow http and local addresses (<c>Webhooks:AllowInsecureUrls</c>).
    /// </summary>
    private static void CheckReceiverUrl(string url, bool allowInsecure)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidFieldException("url", "Give an absolute https:// URL.");
        }
        if (allowInsecure)
        {
            return;
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidFieldException("url", "Deliveries go over https only.");
        }
        if (uri.IsLoopback || uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host, out var address) && ReceiverAddress.IsPrivate(address)))
        {
            throw new InvalidFieldException("url", "The receiver must be on a public host.");
        }
    }
}

public sealed record WebhookRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(500)] string Url,
    [property: Required, MinLength(1, ErrorMessage = "Subscribe to at least one event."), WebhookEventNames] IReadOnlyList<string> Events);

/// <summary>Only the events in <see cref="WebhookEvents.All"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WebhookEventNamesAttribute() : KnownNamesAttribute("events")
{
    protected override IReadOnlyCollection<string> Known => [.. WebhookEvents.All];
}

public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt)
{
    public static WebhookResponse From(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.CreatedAt);
}

public sealed record WebhookWithSecretResponse(Guid Id, string Url, IReadOnlyList<string> Events, string Secret, DateTime CreatedAt)
{
    public static WebhookWithSecretResponse From(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.Secret, s.CreatedAt);
}

public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string EventType, DateTime CreatedAt, int Attempts, DateTime? DeliveredAt, DateTime? NextAttemptAt, int? LastStatusCode, string? LastError)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.CreatedAt, d.Attempts, d.DeliveredAt, d.NextAttemptAt, d.LastStatusCode, d.LastError);
}
