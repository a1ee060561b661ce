using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Where a "returnUrl" may send a browser: only back into this site. An open redirect would lend the city's address
/// to phishing; ASP.NET Core's own check refuses "//host", "/\host" and control characters ("/\t/host", which
/// browsers read as "//host"), and anything else than a path from the root goes home.
/// </summary>
public static class LocalUrls
{
    public static string LocalOrHome(string? url, string home = "/") =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && RedirectHttpResult.IsLocalUrl(url) ? AsciiOnly(url) : home;

    /// <summary>A Location header is ASCII: other letters ("/ideas?q=päiväkoti") go percent-encoded as UTF-8.</summary>
    private static string AsciiOnly(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }
        var ascii = new StringBuilder(url.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                ascii.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return ascii.ToString();
    }
}
