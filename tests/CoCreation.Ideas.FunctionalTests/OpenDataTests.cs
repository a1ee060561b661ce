using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>The ideas service's open data: published ideas only, nothing about people, CSV that a spreadsheet cannot be tricked by.</summary>
public sealed class OpenDataTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    [Fact]
    public async Task The_CSV_quotes_texts_defuses_formulas_and_leaves_out_drafts_hidden_ideas_and_people()
    {
        var owner = factory.ClientAs("teacher-anna", IdeasTestKit.School);
        var published = IdeasTestKit.ValidIdea("=HYPERLINK(\"http://evil.example\")");
        published["summary"] = "Commas, \"quotes\" and\na line break";
        var idea = await IdeasTestKit.CreateIdeaAsync(owner, published);
        await IdeasTestKit.CreateIdeaAsync(owner, IdeasTestKit.ValidIdea("A draft nobody sees"), draft: true);
        var hidden = await IdeasTestKit.CreateIdeaAsync(owner, IdeasTestKit.ValidIdea("A hidden idea"));
        using (var hide = await factory.ClientAs("mod", roles: "moderator").PostAsJsonAsync($"/api/v1/ideas/{hidden.Id()}/hide", new { reason = "Spam" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, hide.StatusCode);
        }

        using var response = await factory.CreateClient().GetAsync("/api/v1/open-data/ideas.csv");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var row = text.Split("\r\n").Single(l => l.StartsWith(idea.Id().ToString(), StringComparison.Ordinal) || l.Contains(idea.Id().ToString(), StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Commas, \"\"quotes\"\" and\na line break\"", text, StringComparison.Ordinal);
        Assert.Contains("learning-and-teaching", row, StringComparison.Ordinal);
        Assert.DoesNotContain("A draft nobody sees", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A hidden idea", text, StringComparison.Ordinal);
        Assert.DoesNotContain("teacher-anna", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JSON_carries_the_licence_and_the_items()
    {
        var idea = await IdeasTestKit.CreateIdeaAsync(factory.ClientAs("teacher-anna", IdeasTestKit.School), IdeasTestKit.ValidIdea("Open data in JSON"));

        using var response = await factory.CreateClient().GetAsync("/api/v1/open-data/ideas.json");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("CC-BY-4.0", json.GetProperty("license").GetString());
        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == idea.Id());
        Assert.Equal("need", item.GetProperty("kind").GetString());
        Assert.Equal(IdeasTestKit.School, item.GetProperty("organisationId").GetGuid());
        Assert.False(item.TryGetProperty("ownerPersonId", out _));
    }

    [Fact]
    public async Task An_unknown_format_is_a_problem_naming_format()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/open-data/ideas.xlsx");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "format");
    }
}
