using Bunit;
using CoCreation.Web.Api;
using CoCreation.Web.Components.Shared;

namespace CoCreation.Web.Tests;

public sealed class ComponentTests
{
    private static readonly Taxonomy Taxonomy = new(
        [new TaxonomyTerm("learning-and-teaching", new TaxonomyNames("Oppiminen ja opetus", "Lärande och undervisning", "Learning and teaching"), false)],
        [new TaxonomyTerm("school", new TaxonomyNames("Koulu", "Skola", "School"), false)],
        []);

    private static readonly IReadOnlyList<MatchComponent> Reasons =
    [
        new("language", 0.1, 1, 0.1, ["fi"]),
        new("themes", 0.3, 0.5, 0.12, ["learning-and-teaching"]),
        new("region", 0.05, 0, 0, []),
        new("competences", 0.3, 1, 0.3, ["game design"]),
    ];

    [Fact]
    public void Match_reasons_list_what_scored_best_first_with_weights_and_what_matched_named_in_the_page_language()
    {
        using var context = new WebTestContext("fi");
        var reasons = context.Render<MatchReasons>(p => p.Add(c => c.Components, Reasons).Add(c => c.Taxonomy, Taxonomy));

        var factors = reasons.FindAll(".reason dt").Select(dt => dt.FirstChild!.TextContent.Trim()).ToList();
        Assert.Equal(["Osaaminen", "Yhteiset teemat", "Kieli"], factors); // the region gave nothing and is left out
        var themes = reasons.FindAll(".reason")[1];
        Assert.Contains("Yhteistä: Oppiminen ja opetus", themes.TextContent, StringComparison.Ordinal);
        Assert.Contains("0,1 pistettä, paino 30 %", themes.TextContent, StringComparison.Ordinal);
        // How well a reason is met is a meter with a text and a label, not a colour alone.
        var meter = themes.QuerySelector("meter")!;
        Assert.Equal("0.5", meter.GetAttribute("value"));
        Assert.Equal("50 %", meter.TextContent.Replace('\u00a0', ' '));
        Assert.Equal("Kuinka hyvin ”Yhteiset teemat” täyttyy", meter.GetAttribute("aria-label"));
    }

    [Fact]
    public void An_idea_card_names_its_kind_stage_and_themes_in_the_page_language()
    {
        using var context = new WebTestContext("sv");
        var idea = new IdeaSummary(Guid.NewGuid(), "need", "partner-found", "Tyst matsal", "Lugnare luncher", ["learning-and-teaching", "retired-theme"],
            ["school"], [], [], "sv", null, Guid.NewGuid(), new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc), DateTime.UtcNow, 3, 1);

        var card = context.Render<IdeaCard>(p => p.Add(c => c.Idea, idea).Add(c => c.Taxonomy, Taxonomy));

        Assert.Equal($"/ideas/{idea.Id}", card.Find("h3 a").GetAttribute("href"));
        Assert.Equal("Behov", card.Find(".tag").TextContent);
        Assert.Equal("Partner hittad", card.Find(".status").TextContent);
        // A term the taxonomy no longer has is shown by its code rather than dropped.
        Assert.Equal(["Lärande och undervisning", "retired-theme"], card.FindAll(".tags li").Select(li => li.TextContent));
        // 23:30 UTC on 30 November is already 1 December in Helsinki.
        Assert.Contains("Publicerad 1.12.2026", card.Find(".meta").TextContent, StringComparison.Ordinal);
        Assert.Contains("3 understödjare", card.Find(".meta").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_errors_render_only_when_there_are_some_with_the_id_the_field_points_to()
    {
        using var context = new WebTestContext();
        var none = context.Render<FieldErrors>(p => p.Add(c => c.Id, "title-errors"));
        Assert.Empty(none.FindAll("ul"));

        var some = context.Render<FieldErrors>(p => p.Add(c => c.Id, "title-errors").Add(c => c.Messages, ["Give the idea a title."]));
        Assert.Equal("title-errors", some.Find("ul").Id);
        Assert.Equal("Give the idea a title.", some.Find("li").TextContent);
    }

    [Fact]
    public void The_next_page_link_keeps_every_filter_and_replaces_the_cursor()
    {
        using var context = new WebTestContext();
        var pager = context.Render<NextPage>(p => p
            .Add(c => c.Cursor, "abc/def")
            .Add(c => c.Path, "/ideas")
            .Add(c => c.Filters, [("q", "lunch"), ("theme", "a"), ("theme", "b"), ("cursor", "old"), ("kind", null)]));
        Assert.Equal("/ideas?q=lunch&theme=a&theme=b&cursor=abc%2Fdef", pager.Find("a[rel=next]").GetAttribute("href"));

        var last = context.Render<NextPage>(p => p.Add(c => c.Cursor, null).Add(c => c.Path, "/ideas"));
        Assert.Empty(last.FindAll("a"));
    }

    [Fact]
    public void Taxonomy_choices_are_labelled_checkboxes_that_keep_what_was_chosen()
    {
        using var context = new WebTestContext("en");
        var choices = context.Render<TermChoices>(p => p
            .Add(c => c.Legend, "Themes").Add(c => c.Name, "Draft.Themes").Add(c => c.Terms, Taxonomy.Themes).Add(c => c.Chosen, ["learning-and-teaching"]));

        var box = choices.Find("input[type=checkbox]");
        Assert.Equal("Draft.Themes", box.GetAttribute("name"));
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("Learning and teaching", choices.Find($"label[for='{box.Id}']").TextContent);
        Assert.Equal("Themes", choices.Find("legend").TextContent);
    }
}
