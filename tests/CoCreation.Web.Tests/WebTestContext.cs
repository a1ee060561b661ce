using System.Globalization;
using Bunit;
using CoCreation.Web.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Web.Tests;

/// <summary>A bUnit context with the web's real texts and city time, rendering in <paramref name="language"/>.</summary>
public sealed class WebTestContext : BunitContext
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public WebTestContext(string language = "en")
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["City:TimeZone"] = "Europe/Helsinki" }).Build());
        Services.AddSingleton<CityTime>();
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = _previous;
        base.Dispose(disposing);
    }
}
