using CoCreation.Ideas.Infrastructure;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>Unit tests: what of a search box reaches the full-text index.</summary>
public class SearchTermsTests
{
    [Theory]
    [InlineData("museo kierros", new[] { "museo", "kierros" })]
    [InlineData("  \"NEAR( OR *robots-ai ", new[] { "NEAR", "OR", "robots", "ai" })]
    [InlineData("päiväkoti", new[] { "päiväkoti" })]
    public void A_search_box_becomes_plain_words(string text, string[] words) => Assert.Equal(words, SearchTerms.From(text)!.Words);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("*** \"\" ()")]
    public void A_search_box_without_words_searches_nothing(string text) => Assert.Null(SearchTerms.From(text));

    [Fact]
    public void At_most_ten_words_are_searched() =>
        Assert.Equal(SearchTerms.MaxWords, SearchTerms.From(string.Join(' ', Enumerable.Range(0, 50).Select(i => $"w{i}")))!.Words.Count);
}
