using CoCreation.Web;
using CoCreation.Web.Account;
using CoCreation.Web.Api;
using CoCreation.Web.Components;
using CoCreation.Web.Localization;
using CoCreation.Web.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebSignIn();
builder.AddWebLocalization();
builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<AccessTokenHandler>();
builder.Services.AddHttpClient<PlatformApi>((services, http) =>
        http.BaseAddress = new Uri(services.GetRequiredService<WebSettings>().PublicBaseUrl))
    .AddHttpMessageHandler<AccessTokenHandler>();
builder.Services.AddSingleton<FormRescue>();
builder.Services.AddMemoryCache();
builder.Services.AddScoped<TaxonomyCache>();
builder.Services.AddRazorComponents();
// Finnish and Swedish letters as they are, not as character references: readable source, smaller pages.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
if (builder.Configuration["Web:DataProtectionKeysPath"] is { Length: > 0 } keys)
{
    // Kept across restarts, so session cookies and anti-forgery tokens stay valid when the web restarts.
    builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("CoCreation.Web");
}

var app = builder.Build();
var apiLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<PlatformApi>();
LenientText.Report = value => apiLog.LogWarning("The API sent {Value} where the web expected text; the page shows the item without it.", value);

// People reach the web through the gateway: the address they used (for sign-in's redirect URI) comes from its headers.
app.UseTrustedForwardedHeaders(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
app.UseWebErrorPages();
app.UseRequestLocalization();
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapWebSignIn();
app.MapLanguageSwitch();
app.MapPersonalDataDownload();
app.MapRazorComponents<App>();

await app.RunAsync();

public partial class Program;
