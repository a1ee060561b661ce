using CoCreation.ApiConventions;

namespace CoCreation.ApiConventions.Tests;

public class PagingAndSpellingTests
{
    private sealed record Key(DateTime At, Guid Id);

    private enum IdeaStatus
    {
        PartnerFound,
        ConvertedToProject,
    }

    [Fact]
    public void A_cursor_carries_the_last_items_key_to_the_next_request()
    {
        var rows = Enumerable.Range(0, 3).Select(i => new Key(new DateTime(2026, 11, 23, 10, 0, i, DateTimeKind.Utc).AddTicks(1234567), Guid.NewGuid())).ToList();

        var page = rows.ToPage(new PageRequest<Key>(null, 2), r => r, r => r.Id);
        var next = Paging.Read<Key>(page.NextCursor, 2);

        Assert.Equal([rows[0].Id, rows[1].Id], page.Items);
        Assert.Equal(rows[1], next.After);
        Assert.Null(rows.Take(2).ToList().ToPage(new PageRequest<Key>(null, 2), r => r, r => r.Id).NextCursor);
    }

    [Theory]
    [InlineData("not a cursor", null, "cursor")]
    [InlineData("e30", null, "cursor")] // {} lacks the key's fields
    [InlineData(null, 0, "limit")]
    [InlineData(null, 101, "limit")]
    public void A_bad_cursor_or_limit_names_the_field(string? cursor, int? limit, string field)
    {
        var error = Assert.Throws<InvalidFieldException>(() => Paging.Read<Key>(cursor, limit));
        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void Enum_values_are_spelled_in_kebab_case_both_ways()
    {
        Assert.Equal("converted-to-project", IdeaStatus.ConvertedToProject.ToKebabCase());
        Assert.Equal(IdeaStatus.PartnerFound, KebabCase.Parse<IdeaStatus>("partner-found", "status"));
        Assert.Equal("status", Assert.Throws<InvalidFieldException>(() => KebabCase.Parse<IdeaStatus>("lost", "status")).Errors.Keys.Single());
    }
}
