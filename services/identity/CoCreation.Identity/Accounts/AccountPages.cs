using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace CoCreation.Identity.Accounts;

/// <summary>
/// The few pages the identity service itself shows: sign in, confirm an address, forgot and reset a password.
/// Plain server-rendered HTML forms: they work without JavaScript and with any assistive technology, and the
/// password never passes through another application.
/// </summary>
public static class AccountPages
{
    /// <summary>The pages speak the language the person chose on the web (the same cookie, as both are behind the gateway) or their browser's; Finnish by default.</summary>
    public static readonly string[] Languages = ["fi", "sv", "en"];

    // Finnish and Swedish letters as they are, not as character references: readable source, smaller pages.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) => Results.Content($$"""
        <!doctype html>
        <html lang="{{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}}">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{Html.Encode(title)}} · CoCreation</title>
          <style>
            body { font-family: system-ui, sans-serif; background: #f4f6f8; color: #1b1f23; margin: 0; }
            main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
            h1 { font-size: 1.5rem; margin-top: 0; }
            label { display: block; margin-top: 1rem; font-weight: 600; }
            input { width: 100%; box-sizing: border-box; padding: .6rem; margin-top: .3rem; font-size: 1rem; border: 1px solid #8a939c; border-radius: .3rem; }
            button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; background: #0b5cad; color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
            button:focus, input:focus, a:focus { outline: 3px solid #f2b705; outline-offset: 2px; }
            .error { background: #fdecea; color: #8a1c12; padding: .75rem; border-radius: .3rem; }
            .notice { background: #e7f3e8; color: #1e5b24; padding: .75rem; border-radius: .3rem; }
            p.links { margin-top: 1.5rem; }
          </style>
        </head>
        <body><main><h1>{{Html.Encode(title)}}</h1>
        {{body}}
        </main></body>
        </html>
        """, "text/html; charset=utf-8", statusCode: statusCode);

    public static string Encode(string text) => Html.Encode(text);

    public static string Error(string? message) =>
        message is null ? "" : $"""<p class="error" role="alert">{Html.Encode(message)}</p>""";

    public static string Notice(string message) => $"""<p class="notice" role="status">{Html.Encode(message)}</p>""";

    public static string Link(string href, string text) => $"""<a href="{Html.Encode(href)}">{Html.Encode(text)}</a>""";

    public static string Hidden(string name, string? value) =>
        $"""<input type="hidden" name="{Html.Encode(name)}" value="{Html.Encode(value ?? "")}">""";

    public static string Field(string name, string label, string type, string? value = null, string? autocomplete = null) => $"""
        <label for="{name}">{Html.Encode(label)}</label>
        <input id="{name}" name="{name}" type="{type}" required value="{Html.Encode(value ?? "")}"{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}>
        """;

    /// <summary>A POST form with its anti-forgery token.</summary>
    public static string Form(HttpContext http, IAntiforgery antiforgery, string action, string fields, string submit)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{Html.Encode(action)}">
            {Hidden(tokens.FormFieldName, tokens.RequestToken)}
            {fields}
            <button type="submit">{Html.Encode(submit)}</button>
            </form>
            """;
    }
}
