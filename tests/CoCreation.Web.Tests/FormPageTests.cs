using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Bunit;
using CoCreation.Web.Api;
using CoCreation.Web.Components.Pages;
using CoCreation.Web.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Web.Tests;

/// <summary>
/// A form page tells a first view from a sent form by the request's method. It once told them apart by whether the
/// form's model existed yet, and the page's own first render (while the themes were still on their way) created it:
/// a closed challenge's edit page then showed an empty form with 200 whenever the themes were not cached.
/// </summary>
public sealed class FormPageTests
{
    private static readonly Guid School = Guid.NewGuid();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_closed_challenges_edit_page_says_it_is_closed_with_409_whether_or_not_the_themes_are_cached(bool themesArriveLater)
    {
        using var context = new WebTestContext();
        var challenge = new Challenge(Guid.NewGuid(), "Quieter breaks", "Calmer breaks.", "", "", ["learning-and-teaching"], "school",
            new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 6), "closed", School, new DateTime(2026, 12, 1), 3);
        var themes = new TaskCompletionSource();
        if (!themesArriveLater)
        {
            themes.SetResult();
        }
        context.Services.AddSingleton(new PlatformApi(new HttpClient(new ApiStub(challenge, themes.Task)) { BaseAddress = new Uri("http://api.test") }));
        context.Services.AddMemoryCache();
        context.Services.AddScoped<TaxonomyCache>();
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Role, "city-unit"), new Claim(WebSignIn.OrganisationClaim, School.ToString())], "test")),
        };
        http.Request.Method = HttpMethods.Get;

        var page = context.Render<ChallengeForm>(parameters => parameters.Add(p => p.Id, challenge.Id).AddCascadingValue(http));
        themes.TrySetResult();

        page.WaitForAssertion(() => Assert.Contains("This challenge has closed.", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("form"));
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
    }

    /// <summary>The API as the page reads it: the taxonomy when <paramref name="themes"/> completes, and one challenge.</summary>
    private sealed class ApiStub(Challenge challenge, Task themes) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/api/v1/taxonomy")
            {
                await themes;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(Taxonomy.Empty, options: PlatformApi.Json) };
            }
            return path == $"/api/v1/challenges/{challenge.Id}"
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(challenge, options: PlatformApi.Json) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}

/// <summary>One odd value from the API never fails a whole page: the item is read without it, and the value is reported.</summary>
public sealed class LenientReadingTests
{
    [Fact]
    public void An_idea_whose_kind_came_as_a_number_is_read_with_an_empty_kind_and_the_value_is_reported()
    {
        var reported = new List<string>();
        LenientText.Report = reported.Add;
        try
        {
            var page = System.Text.Json.JsonSerializer.Deserialize<CursorPage<IdeaSummary>>(
                """{"items":[{"id":"0b0e2c59-6c3a-4b2e-9f6e-1d6c4d8d2a01","kind":99,"status":"published","title":"Quiet breaks","summary":"s","themes":[],"environments":[],"ageGroups":[],"soughtCompetences":[],"language":"en","ownerOrganisationId":"0b0e2c59-6c3a-4b2e-9f6e-1d6c4d8d2a02","updatedAt":"2026-12-01T00:00:00Z","supportCount":0,"commentCount":0}]}""",
                PlatformApi.Json)!;

            var idea = Assert.Single(page.Items);
            Assert.Equal("Quiet breaks", idea.Title);
            Assert.Equal("", idea.Kind);
            Assert.Equal(["99"], reported);
        }
        finally
        {
            LenientText.Report = null;
        }
    }
}
