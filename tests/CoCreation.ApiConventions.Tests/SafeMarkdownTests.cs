using CoCreation.ApiConventions;

namespace CoCreation.ApiConventions.Tests;

public class SafeMarkdownTests
{
    [Theory]
    [InlineData("Plain words, **bold**, _italic_ and a [link](https://example.org).")]
    [InlineData("A [relative link](/api/v1/ideas) and [mail](mailto:someone@example.org).")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |")]
    [InlineData("Maths: 3 < 4 and 5 > 2")]
    public void Ordinary_markdown_is_accepted(string markdown) => Assert.Null(SafeMarkdown.FindProblem(markdown));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <img src=x onerror=alert(1)> more")]
    [InlineData("<div>block</div>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![image](javascript:alert(1))")]
    public void Html_and_script_links_are_refused_with_a_reason(string markdown) => Assert.NotNull(SafeMarkdown.FindProblem(markdown));

    [Fact]
    public void Rendering_keeps_formatting_and_links_and_never_emits_script()
    {
        var html = SafeMarkdown.ToHtml("**Hello** [site](https://example.org) <script>alert(1)</script> [bad](javascript:alert(1))");

        Assert.Contains("<strong>Hello</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }
}
