using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using CoCreation.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CoCreation.Testing.AuthorisationMatrix;
using static CoCreation.Testing.Caller;

namespace CoCreation.Notifications.FunctionalTests;

/// <summary>The notifications service as in production: tokens only.</summary>
public sealed class NotificationsWithTokensFactory() : TokensOnlyServiceFactory<Program>("notificationsdb");

/// <summary>
/// The authorisation matrix of the notifications service: a person's notifications are theirs alone, and an
/// organisation's webhooks are managed by whoever acts for it.
/// </summary>
public sealed class AuthorisationMatrixTests(NotificationsWithTokensFactory factory) : IClassFixture<NotificationsWithTokensFactory>
{
    private sealed class Setup(NotificationsWithTokensFactory factory)
    {
        public CaseOrganisations Organisations { get; } = CaseOrganisations.Fresh();

        public HttpClient As(Caller caller) => factory.CreateClient().WithToken(TestTokens.For(caller, Organisations));

        /// <summary>A notification for the owner organisation's member ("person-member" in every case's tokens).</summary>
        public async Task<Guid> NotificationForMemberAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var notification = Notification.Create("person-member", "comment-added", "A comment", "Hello", "/api/v1/ideas", DateTime.UtcNow, null);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        }

        public async Task<Guid> WebhookOfOwnerAsync()
        {
            using var response = await As(OrganisationAdmin).PostAsJsonAsync("/api/v1/webhooks", Webhook);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    private static readonly object Webhook = new { url = "https://partner.example/hooks", events = new[] { "idea.published" } };

    private static MatrixCase<Setup> Row(string endpoint, Func<Setup, Task<HttpRequestMessage>> request,
        int anonymous, int member, int otherMember, int organisationAdmin, int moderator, int administrator, int partnerSystem, int cityUnitMember) =>
        AuthorisationMatrix.Row(endpoint, request, anonymous, member, otherMember, organisationAdmin, moderator, administrator, partnerSystem, cityUnitMember);

    //                                                                                                         anon mem  other oadm mod  adm  sys  city
    private static readonly MatrixCase<Setup>[] Cases =
    [
        Row("GET /notifications", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/notifications")),                     401, 200, 200, 200, 200, 200, 200, 200),
        // Only the recipient marks it; to anyone else it does not exist.
        Row("POST /notifications/{id}/read", async s => Send(HttpMethod.Post, $"/api/v1/notifications/{await s.NotificationForMemberAsync()}/read"),
                                                                                                                               401, 204, 404, 404, 404, 404, 404, 404),
        Row("GET /webhooks", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/webhooks")),                               401, 200, 200, 200, 403, 403, 200, 200),
        Row("POST /webhooks", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/webhooks", Webhook)),                    401, 201, 201, 201, 403, 403, 201, 201),
        Row("DELETE /webhooks/{id}", async s => Send(HttpMethod.Delete, $"/api/v1/webhooks/{await s.WebhookOfOwnerAsync()}"), 401, 204, 404, 204, 404, 404, 204, 404),
        Row("POST /webhooks/{id}/ping", async s => Send(HttpMethod.Post, $"/api/v1/webhooks/{await s.WebhookOfOwnerAsync()}/ping"), 401, 202, 404, 202, 404, 404, 202, 404),
        Row("GET /webhooks/{id}/deliveries", async s => Send(HttpMethod.Get, $"/api/v1/webhooks/{await s.WebhookOfOwnerAsync()}/deliveries"), 401, 200, 404, 200, 404, 404, 200, 404),
    ];

    public static TheoryData<string, Caller> EveryEndpointAndCaller() => AuthorisationMatrix.EveryEndpointAndCaller(Cases);

    [Theory]
    [MemberData(nameof(EveryEndpointAndCaller))]
    public async Task Each_caller_gets_the_status_the_rules_give(string endpoint, Caller caller)
    {
        var setup = new Setup(factory);
        await AuthorisationMatrix.AssertStatusAsync(Cases, endpoint, caller, setup, setup.As);
    }
}
