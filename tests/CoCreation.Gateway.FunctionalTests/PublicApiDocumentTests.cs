using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCreation.Gateway.FunctionalTests;

/// <summary>The gateway with no service behind it (they are all unreachable addresses).</summary>
public sealed class GatewayWithoutServicesFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var service in PublicApiDocument.Services.Append("web"))
        {
            builder.UseSetting($"services:{service}:http:0", "http://127.0.0.1:9");
        }
    }
}

public sealed class PublicApiDocumentTests(GatewayWithoutServicesFactory factory) : IClassFixture<GatewayWithoutServicesFactory>
{
    private static JsonObject Service(string path, string schema, string tag) => JsonNode.Parse($$"""
        {
          "openapi": "3.1.1",
          "paths": { "{{path}}": { "get": { "tags": ["{{tag}}"], "responses": { "200": { "description": "OK" } } } } },
          "components": { "schemas": { "{{schema}}": { "type": "object" }, "ProblemDetails": { "type": "object" } } },
          "tags": [ { "name": "{{tag}}" } ]
        }
        """)!.AsObject();

    [Fact]
    public void Merging_keeps_every_services_paths_and_tags_and_a_shared_schema_once()
    {
        var merged = PublicApiDocument.Merge(
        [
            ("ideas", Service("/api/v1/ideas", "IdeaResponse", "Ideas")),
            ("partner-matching", Service("/api/v1/ideas/{id}/matches", "MatchResponse", "Matching")),
            ("projects", null),
        ]);

        Assert.Equal("3.1.1", merged["openapi"]!.GetValue<string>());
        Assert.Equal(["/api/v1/ideas", "/api/v1/ideas/{id}/matches"], merged["paths"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["IdeaResponse", "ProblemDetails", "MatchResponse"], merged["components"]!["schemas"]!.AsObject().Select(s => s.Key));
        Assert.Equal(["Ideas", "Matching"], merged["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(["projects"], merged["x-unavailable-services"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.NotNull(merged["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]);
    }

    [Fact]
    public void An_operation_that_never_answers_401_is_marked_as_open_to_anonymous_callers()
    {
        var service = JsonNode.Parse("""
            {
              "paths": {
                "/api/v1/ideas": {
                  "get": { "responses": { "200": { "description": "OK" } } },
                  "post": { "responses": { "201": { "description": "Created" }, "401": { "description": "Unauthorized" } } }
                }
              }
            }
            """)!.AsObject();

        var merged = PublicApiDocument.Merge([("ideas", service)]);

        var ideas = merged["paths"]!["/api/v1/ideas"]!;
        Assert.Equal("[{},{\"oauth2\":[]}]", ideas["get"]!["security"]!.ToJsonString());
        Assert.Null(ideas["post"]!["security"]); // the document's own requirement applies: a token
    }

    [Fact]
    public async Task With_every_service_down_the_document_still_answers_and_names_what_is_missing()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(PublicApiDocument.Services, document.GetProperty("x-unavailable-services").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_reference_page_is_html_allowed_to_run_its_script_while_the_API_allows_nothing()
    {
        var client = factory.CreateClient();

        using var page = await client.GetAsync("/api-reference");
        using var api = await client.GetAsync("/api/v1/open-data");

        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", api.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_open_data_catalogue_names_the_licence_and_each_datasets_downloads()
    {
        var catalogue = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/open-data");

        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", catalogue.GetProperty("licenseUrl").GetString());
        var ideas = catalogue.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "ideas");
        Assert.Equal("/api/v1/open-data/ideas.csv", ideas.GetProperty("formats").GetProperty("csv").GetString());
    }
}
