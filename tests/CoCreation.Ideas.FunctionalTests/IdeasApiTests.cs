using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoCreation.IntegrationEvents;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class IdeasApiTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    private static readonly Guid School = IdeasTestKit.School;

    private static Dictionary<string, object?> ValidIdea() => IdeasTestKit.ValidIdea();

    private static HttpRequestMessage Post(HttpContent content, string? person = "teacher-anna", Guid? organisation = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas") { Content = content };
        if (person is not null)
        {
            request.Headers.Add("X-Dev-Person-Id", person);
        }
        request.Headers.Add("X-Dev-Organisation-Id", (organisation ?? School).ToString());
        return request;
    }

    [Fact]
    public async Task Publishing_an_idea_stores_it_and_publishes_IdeaPublished_with_what_consumers_need()
    {
        var client = factory.CreateClient();

        using var response = await client.SendAsync(Post(JsonContent.Create(ValidIdea())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("published", created.GetProperty("status").GetString());
        Assert.Equal("need", created.GetProperty("kind").GetString());

        // The event was committed with the idea and then handed to the bus by the outbox dispatcher.
        var row = await factory.WaitForSentOutboxRowAsync<IdeaPublished>(id);
        Assert.NotNull(row.SentAt);
        Assert.Contains(nameof(IdeaPublished), row.MessageType, StringComparison.Ordinal);
        var published = JsonSerializer.Deserialize<IdeaPublished>(row.Body, CoCreation.IntegrationEvents.PlatformJson.Options)!;
        Assert.Equal(["learning-and-teaching"], published.Themes);
        Assert.Equal(["school"], published.Environments);
        Assert.Equal(["game design"], published.SoughtCompetences);
        Assert.Equal(School, published.OwnerOrganisationId);
        Assert.Equal("teacher-anna", published.OwnerPersonId);

        using var read = await client.GetAsync($"/api/v1/ideas/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Playful Swedish vocabulary", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    public static TheoryData<string, object?, string> InvalidFields => new()
    {
        { "title", "", "title" },
        { "title", new string('x', 201), "title" },
        // Text that hides or reorders itself: zero-width spaces only, a right-to-left override, a line break.
        { "title", "\u200B\u200B\u200B", "title" },
        { "title", "Tapiola \u202Eloohcs", "title" },
        { "title", "Two\nlines", "title" },
        { "summary", null, "summary" },
        { "description", new string('x', 20_001), "description" },
        { "themes", Enumerable.Range(0, 300).Select(i => $"tag{i}").ToArray(), "themes" },
        { "soughtCompetences", new[] { "" }, "soughtCompetences" },
        { "language", "de", "language" },
        { "kind", "banana", "kind" },
        { "kind", null, "kind" },
        // Enums by name only: a number once stored an idea that made every page listing it fail.
        { "kind", 99, "kind" },
        { "kind", -1, "kind" },
        { "kind", 0, "kind" },
        { "kind", "99", "kind" },
        { "themes", new[] { "astrology" }, "themes" },
        { "themes", Array.Empty<string>(), "themes" },
        { "environments", new[] { "spaceship" }, "environments" },
        { "ageGroups", new[] { "toddlers-and-pensioners" }, "ageGroups" },
        { "description", "Hello <script>alert('x')</script>", "description" },
        { "description", "<b>bold</b> words", "description" },
        { "description", "[click me](javascript:alert(1))", "description" },
        { "description", "[click me](data:text/html;base64,PHNjcmlwdD4=)", "description" },
        { "description", "<javascript:alert(1)>", "description" },
        { "challengeId", Guid.NewGuid(), "challengeId" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_400_problem_naming_the_field_and_nothing_is_stored(string field, object? value, string expectedField)
    {
        var before = await factory.CountStoredAsync();
        var idea = ValidIdea();
        idea[field] = value;

        using var response = await factory.CreateClient().SendAsync(Post(JsonContent.Create(idea)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, expectedField, StringComparison.OrdinalIgnoreCase)),
            $"errors should name '{expectedField}': {errors}");
        Assert.Equal(before, await factory.CountStoredAsync());
    }

    [Fact]
    public async Task A_kind_given_as_a_number_is_a_400_that_lists_the_names_to_use()
    {
        var idea = ValidIdea();
        idea["kind"] = 99;

        using var response = await factory.CreateClient().SendAsync(Post(JsonContent.Create(idea)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Use one of: need, offer.", problem.GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_stored()
    {
        var before = await factory.CountStoredAsync();
        using var response = await factory.CreateClient().SendAsync(Post(new StringContent("{\"title\": ", Encoding.UTF8, "application/json")));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await factory.CountStoredAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var response = await factory.CreateClient().SendAsync(Post(new StringContent("title=hello", Encoding.UTF8, "application/x-www-form-urlencoded")));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var idea = ValidIdea();
        idea["description"] = new string('x', 300_000);
        using var response = await factory.CreateClient().SendAsync(Post(JsonContent.Create(idea)));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Without_an_acting_person_the_request_is_a_401_problem()
    {
        using var response = await factory.CreateClient().SendAsync(Post(JsonContent.Create(ValidIdea()), person: null));
        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Dev-Person-Id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_idea_and_an_unknown_route_are_404_problems()
    {
        var client = factory.CreateClient();
        await AssertProblemAsync(await client.GetAsync($"/api/v1/ideas/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

}
