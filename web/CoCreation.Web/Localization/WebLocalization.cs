using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CoCreation.Web.Localization;

/// <summary>
/// Finnish, Swedish and English. A first visit follows the browser's <c>Accept-Language</c>, with Finnish as the
/// default; a choice made on any page is remembered in a cookie and wins from then on.
/// </summary>
public static class WebLocalization
{
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "en"];

    public static IHostApplicationBuilder AddWebLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture("fi");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The remembered choice, then the browser's; no query string, so a shared link does not switch a reader's language.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        builder.Services.AddSingleton<CityTime>();
        return builder;
    }

    /// <summary><c>/language?code=sv&amp;returnUrl=/ideas</c>: remember the choice for a year and go back to the page.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/language", (HttpContext http, string? code, string? returnUrl) =>
        {
            if (code is null || !Languages.Contains(code))
            {
                return Results.Redirect(SignIn.WebSignIn.LocalOrHome(returnUrl));
            }
            RememberLanguage(http.Response, code);
            return Results.Redirect(SignIn.WebSignIn.LocalOrHome(returnUrl));
        });
        return routes;
    }

    /// <summary>Remembers <paramref name="code"/> (fi, sv or en; anything else is ignored) for a year in this browser.</summary>
    public static void RememberLanguage(HttpResponse response, string code)
    {
        if (Languages.Contains(code))
        {
            response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
    }

    /// <summary>The language the page is in: fi, sv or en.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Each language named in itself, as a language switcher should.</summary>
    public static string Endonym(string code) => code switch
    {
        "fi" => "Suomi",
        "sv" => "Svenska",
        _ => "English",
    };
}

/// <summary>Dates and times in the city's time zone (<c>City:TimeZone</c>) and the page's language.</summary>
public sealed class CityTime(IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["City:TimeZone"] ?? "Europe/Helsinki");

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public string Date(DateTime utc) => Local(utc).ToString("d", Format);

    public string DateAndTime(DateTime utc) => Local(utc).ToString("g", Format);

    public static string Date(DateOnly date) => date.ToString("d", Format);

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Format);

    /// <summary>The language's conventions as written in Finland: 1.12.2026 in Finnish and Swedish, 01/12/2026 in English.</summary>
    private static CultureInfo Format => WebLocalization.Current switch { "fi" => Finnish, "sv" => FinlandSwedish, _ => English };

    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>ICU writes sv-FI dates as 2026-12-01; Swedish in Finland writes them as Finnish does.</summary>
    private static readonly CultureInfo FinlandSwedish = CultureInfo.ReadOnly(new CultureInfo("sv-FI")
    {
        DateTimeFormat = { ShortDatePattern = "d.M.yyyy", ShortTimePattern = "H.mm" },
    });
}
