using System.Net;
using System.Net.Http.Json;
using CoCreation.IntegrationEvents;

namespace CoCreation.PartnerMatching.FunctionalTests;

public sealed class ProfilesAndEnvironmentsTests(PartnerMatchingServiceFactory factory) : IClassFixture<PartnerMatchingServiceFactory>
{
    public static Dictionary<string, object?> Profile(string name = "Pelipaja Oy", string? businessId = "0737546-2") => new()
    {
        ["type"] = "company",
        ["name"] = name,
        ["description"] = "We make **learning games**.",
        ["businessId"] = businessId,
        ["competences"] = new[] { "game design", "Unity" },
        ["offers"] = new[] { "prototype workshops" },
        ["themes"] = new[] { "learning-and-teaching", "youth" },
        ["languages"] = new[] { "fi", "en" },
        ["region"] = "Espoo",
        ["contactChannel"] = "hello@pelipaja.example",
        ["website"] = "https://pelipaja.example",
    };

    [Fact]
    public async Task An_organisation_creates_reads_and_updates_its_profile_with_ETags()
    {
        var organisation = Guid.NewGuid();
        var owner = factory.ClientAs("ceo-eeva", organisation);

        var created = await ReadJsonAsync(await owner.PostAsJsonAsync("/api/v1/organisations", Profile()), HttpStatusCode.Created);
        Assert.Equal(organisation, created.GetProperty("id").GetGuid());
        Assert.Equal("company", created.GetProperty("type").GetString());
        await AssertProblemAsync(await owner.PostAsJsonAsync("/api/v1/organisations", Profile()), HttpStatusCode.Conflict);

        using var read = await factory.ClientAs(null).GetAsync($"/api/v1/organisations/{organisation}");
        await ReadJsonAsync(read, HttpStatusCode.OK);
        var etag = read.Headers.ETag!.Tag;

        var changed = Profile("Pelipaja Games Oy");
        using var stranger = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organisations/{organisation}") { Content = JsonContent.Create(changed) };
        stranger.Headers.TryAddWithoutValidation("If-Match", etag);
        await AssertProblemAsync(await factory.ClientAs("someone", Guid.NewGuid()).SendAsync(stranger), HttpStatusCode.Forbidden);
        using var noIfMatch = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organisations/{organisation}") { Content = JsonContent.Create(changed) };
        await AssertProblemAsync(await owner.SendAsync(noIfMatch), HttpStatusCode.PreconditionRequired);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organisations/{organisation}") { Content = JsonContent.Create(changed) };
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await ReadJsonAsync(await owner.SendAsync(update), HttpStatusCode.OK);
        Assert.Equal("Pelipaja Games Oy", updated.GetProperty("name").GetString());
        // Each change is told, with the change, so projects name the organisation as it is now called.
        Assert.Equal(["Pelipaja Oy", "Pelipaja Games Oy"], (await factory.OutboxEventsAsync<OrganisationProfileChanged>(organisation)).Select(e => e.Name));

        var found = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/organisations?competence=game+design&language=fi&q=Pelipaja"), HttpStatusCode.OK);
        Assert.Contains(found.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == organisation);
    }

    public static TheoryData<string, object?, string> InvalidFields => new()
    {
        { "type", "spaceship", "type" },
        { "name", "\u2066Pelipaja\u2069", "name" },
        { "name", "\uFEFF", "name" },
        { "type", null, "type" },
        { "type", 99, "type" },
        { "type", "1", "type" },
        { "businessId", "0737546-3", "businessId" },
        { "businessId", "1234567", "businessId" },
        { "businessId", "ABCDEFG-1", "businessId" },
        { "website", "javascript:alert(1)", "website" },
        { "languages", new[] { "de" }, "languages" },
        { "languages", Array.Empty<string>(), "languages" },
        { "name", "", "name" },
        { "themes", new[] { "Not A Code" }, "themes" },
        { "description", "<script>alert(1)</script>", "description" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task A_bad_profile_field_is_a_400_problem_naming_it_and_nothing_is_stored(string field, object? value, string expected)
    {
        var organisation = Guid.NewGuid();
        var profile = Profile();
        profile[field] = value;

        await AssertProblemAsync(await factory.ClientAs("ceo", organisation).PostAsJsonAsync("/api/v1/organisations", profile), HttpStatusCode.BadRequest, expected);

        await AssertProblemAsync(await factory.ClientAs(null).GetAsync($"/api/v1/organisations/{organisation}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_profile_without_a_business_id_is_fine_and_a_hidden_one_is_not_listed()
    {
        var organisation = Guid.NewGuid();
        var profile = Profile("Residents of Tapiola", businessId: null);
        profile["type"] = "residents-group";
        profile["published"] = false;

        await ReadJsonAsync(await factory.ClientAs("resident", organisation).PostAsJsonAsync("/api/v1/organisations", profile), HttpStatusCode.Created);

        await AssertProblemAsync(await factory.ClientAs(null).GetAsync($"/api/v1/organisations/{organisation}"), HttpStatusCode.NotFound);
        await ReadJsonAsync(await factory.ClientAs("resident", organisation).GetAsync($"/api/v1/organisations/{organisation}"), HttpStatusCode.OK);
        var list = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/organisations?type=residents-group"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == organisation);
    }

    public static object Environment(string name, params object[] windows) => new
    {
        kind = "library",
        name,
        address = "Tapiontori 3, Espoo",
        area = "Tapiola, Espoo",
        ageGroups = new[] { "lower-secondary", "upper-secondary" },
        capacity = 30,
        availability = windows,
        rules = "No food in the *reading room*.",
    };

    [Fact]
    public async Task City_units_register_environments_that_are_found_by_kind_area_and_availability()
    {
        var library = factory.ClientAs("librarian", Guid.NewGuid(), roles: "city-unit");
        var name = "Tapiola library maker space " + Guid.NewGuid().ToString("N")[..6];
        var created = await ReadJsonAsync(await library.PostAsJsonAsync("/api/v1/environments",
            Environment(name, new { from = "2027-01-10", to = "2027-03-31" }, new { from = "2027-06-01", to = "2027-06-30" })), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("availability").GetArrayLength());
        var told = Assert.Single(await factory.OutboxEventsAsync<EnvironmentChanged>(created.GetProperty("id").GetGuid()));
        Assert.Equal((name, "library", true), (told.Name, told.Kind, told.Published));

        async Task<bool> Listed(string query) =>
            (await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/environments?{query}"), HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Any(e => e.GetProperty("name").GetString() == name);

        Assert.True(await Listed("kind=library&area=Tapiola&ageGroup=upper-secondary"));
        Assert.True(await Listed("availableOn=2027-02-15"));
        Assert.False(await Listed("availableOn=2027-05-01"));
        Assert.False(await Listed("kind=museum"));
    }

    [Fact]
    public async Task An_unpublished_environment_is_listed_to_its_own_city_unit_only()
    {
        var unit = Guid.NewGuid();
        var library = factory.ClientAs("librarian", unit, roles: "city-unit");
        var name = "Closed stacks " + Guid.NewGuid().ToString("N")[..6];
        var draft = Environment(name);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(draft)!.AsObject();
        body["published"] = false;
        await ReadJsonAsync(await library.PostAsJsonAsync("/api/v1/environments", body), HttpStatusCode.Created);

        async Task<bool> Listed(HttpClient client) =>
            (await ReadJsonAsync(await client.GetAsync($"/api/v1/environments?organisation={unit}"), HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Any(e => e.GetProperty("name").GetString() == name);

        Assert.True(await Listed(library));
        Assert.False(await Listed(factory.ClientAs(null)));
        Assert.False(await Listed(factory.ClientAs("someone", Guid.NewGuid(), roles: "city-unit")));
    }

    [Fact]
    public async Task Environments_need_a_city_unit_and_windows_that_end_after_they_start()
    {
        await AssertProblemAsync(await factory.ClientAs("sales", Guid.NewGuid()).PostAsJsonAsync("/api/v1/environments", Environment("Office")), HttpStatusCode.Forbidden);
        var library = factory.ClientAs("librarian", Guid.NewGuid(), roles: "city-unit");
        var before = await factory.WithDbAsync(db => Task.FromResult(db.Environments.Count()));

        await AssertProblemAsync(await library.PostAsJsonAsync("/api/v1/environments",
            Environment("Backwards", new { from = "2027-01-10", to = "2027-03-31" }, new { from = "2027-06-30", to = "2027-06-01" })),
            HttpStatusCode.BadRequest, "availability[1].to");
        await AssertProblemAsync(await library.PostAsJsonAsync("/api/v1/environments", new { kind = "library", name = "No capacity", area = "Espoo", capacity = 0 }),
            HttpStatusCode.BadRequest, "capacity");

        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.Environments.Count())));
    }
}
