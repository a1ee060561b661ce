using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Testing;

namespace CoCreation.EndToEnd.Tests;

/// <summary>
/// A person's rights over the real broker: one download gathered from every service, then erasure, after which what
/// they wrote stays, attributed to nobody.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonalDataJourneyTests(PlatformFixture platform)
{
    private const string Password = "the passphrase of someone leaving";

    [Fact]
    public async Task A_person_downloads_everything_held_about_them_then_erases_the_account_and_their_comment_stays_anonymously()
    {
        var email = $"leaving-{Guid.NewGuid():N}@example.org";
        using (var registered = await platform.Gateway.PostAsJsonAsync("/api/v1/accounts", new { email, password = Password, displayName = "Lea Leaving" }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        using (var confirmed = await platform.Gateway.GetAsync(new Uri(await platform.WaitForMailedLinkAsync(email)).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = platform.GatewayUrl };
        var token = (await new OAuthBrowser(browser, platform.GatewayUrl + "signin-callback", platform.WebClientSecret).SignInAsync(email, Password))
            .GetProperty("access_token").GetString()!;
        using var person = new HttpClient { BaseAddress = platform.GatewayUrl };
        person.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var ideaId = await AnyPublishedIdeaAsync();
        using (var commented = await person.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "I was here" }))
        {
            Assert.Equal(HttpStatusCode.Created, commented.StatusCode);
        }

        using var requested = await person.PostAsync("/api/v1/me/personal-data-exports", null);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var export = await WaitForCompleteAsync(person, requested.Headers.Location!.ToString());
        Assert.True(export.GetProperty("complete").GetBoolean(), $"still missing: {export.GetProperty("missing")}");
        var data = export.GetProperty("data");
        Assert.Equal(email, data.GetProperty("identity").GetProperty("account").GetProperty("email").GetString());
        Assert.Contains(data.GetProperty("ideas").GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").GetString() == "I was here");
        Assert.Equal(JsonValueKind.Array, data.GetProperty("notifications").GetProperty("notifications").ValueKind);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("partner-matching").GetProperty("interestsExpressed").ValueKind);

        var personId = data.GetProperty("identity").GetProperty("account").GetProperty("id").GetString()!;
        using (var erased = await person.PostAsJsonAsync("/api/v1/me/erasure", new { password = Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var comment = await WaitForCommentAuthorChangeAsync(ideaId, "I was here", personId);
        Assert.StartsWith("erased-", comment.GetProperty("authorPersonId").GetString(), StringComparison.Ordinal);
    }

    private async Task<Guid> AnyPublishedIdeaAsync()
    {
        using var tokenResponse = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-partner", ["client_secret"] = platform.DemoClientSecret,
        }));
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas")
        {
            Content = JsonContent.Create(new
            {
                kind = "need", title = "Somewhere to comment", summary = "An idea for a comment.", themes = new[] { "well-being" }, environments = new[] { "school" }, language = "en",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await platform.Gateway.SendAsync(request);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> WaitForCompleteAsync(HttpClient person, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var export = await person.GetFromJsonAsync<JsonElement>(location);
            if (export.GetProperty("complete").GetBoolean() || DateTime.UtcNow > deadline)
            {
                return export;
            }
            await Task.Delay(200);
        }
    }

    private async Task<JsonElement> WaitForCommentAuthorChangeAsync(Guid ideaId, string body, string formerAuthor)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // A moderator reads who wrote it: the public sees the organisation, not the person's id.
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{ideaId}/comments").AsPerson("e2e-moderator");
            read.Headers.Add("X-Dev-Roles", "moderator");
            using var answer = await platform.Gateway.SendAsync(read);
            var comments = await answer.Content.ReadFromJsonAsync<JsonElement>();
            var comment = comments.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("body").GetString() == body);
            if (comment.GetProperty("authorPersonId").GetString() != formerAuthor || DateTime.UtcNow > deadline)
            {
                return comment;
            }
            await Task.Delay(200);
        }
    }
}
