using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoCreation.Testing;

/// <summary>
/// Bad values sent to every write operation a service's own OpenAPI document lists, one field at a time: an enum field
/// given a number or an unknown name, and a list given a null entry. Read from the document, so an endpoint added
/// later is probed without a test being written for it.
/// </summary>
public static class BadValueProbes
{
    private static readonly string[] WriteMethods = ["post", "put", "patch"];

    /// <summary>One request: the operation, the field, and a body that holds only the bad value.</summary>
    public sealed record Probe(string Method, string Path, string Field, JsonNode? Value)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path} {{\"{Field}\": {Value?.ToJsonString() ?? "null"}}}";
    }

    /// <summary>Each enum field of each write operation's body, each given values outside its names.</summary>
    public static async Task<IReadOnlyList<Probe>> EnumFieldsAsync(HttpClient client) =>
        [.. (await BodyFieldsAsync(client)).Where(f => f.Schema.TryGetProperty("enum", out _))
            .SelectMany(f => new JsonNode?[] { 99, -1, 0, "99", "no-such-value" }.Select(v => new Probe(f.Method, f.Path, f.Field, v)))];

    /// <summary>Each list field of each write operation's body, given one null entry.</summary>
    public static async Task<IReadOnlyList<Probe>> ListFieldsAsync(HttpClient client) =>
        [.. (await BodyFieldsAsync(client)).Where(f => f.Schema.TryGetProperty("type", out var type) && TypeIs(type, "array"))
            .Select(f => new Probe(f.Method, f.Path, f.Field, new JsonArray((JsonNode?)null)))];

    /// <summary>
    /// Sends each probe and returns a line for each answer that is not a 400 problem naming the field (or, for a list,
    /// its entry): an empty list is a pass.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(HttpClient client, IEnumerable<Probe> probes)
    {
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method.ToUpperInvariant()), ConcretePath(probe.Path))
            {
                Content = JsonContent.Create(new JsonObject { [probe.Field] = probe.Value?.DeepClone() }),
            };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !NamesField(body, probe.Field))
            {
                failures.Add($"{probe}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }
        return failures;
    }

    private sealed record BodyField(string Method, string Path, string Field, JsonElement Schema);

    private static async Task<List<BodyField>> BodyFieldsAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var fields = new List<BodyField>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => WriteMethods.Contains(o.Name)))
            {
                if (!operation.Value.TryGetProperty("requestBody", out var requestBody)
                    || !requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }
                var schema = Resolve(document, json.GetProperty("schema"));
                if (!schema.TryGetProperty("properties", out var properties))
                {
                    continue;
                }
                fields.AddRange(properties.EnumerateObject().Select(p => new BodyField(operation.Name, path.Name, p.Name, Resolve(document, p.Value))));
            }
        }
        return fields;
    }

    /// <summary>A schema with its $ref followed, and a nullable one ("oneOf": [null, X] or "anyOf") read as X.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part);
            }
            return Resolve(document, node);
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices)
                && choices.EnumerateArray().FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && TypeIs(t, "null"))) is { ValueKind: JsonValueKind.Object } chosen)
            {
                return Resolve(document, chosen);
            }
        }
        return schema;
    }

    private static bool TypeIs(JsonElement type, string name) =>
        type.ValueKind == JsonValueKind.String ? type.GetString() == name : type.EnumerateArray().Any(t => t.GetString() == name);

    /// <summary>A route's template with its parameters filled: a new id for an id, a word for anything else.</summary>
    private static string ConcretePath(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{(?<name>[^}]+)}",
            m => m.Groups["name"].Value.EndsWith("id", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "probe");

    private static bool NamesField(string body, string field)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("errors", out var errors)
                && errors.EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)
                    || e.Name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>
/// A null inside any list of any write endpoint is a 400 naming the entry. A service's functional tests run it by
/// deriving a class with their factory as its fixture.
/// </summary>
public abstract class NullListEntrySpecification<TProgram>(SqliteServiceFactory<TProgram> factory)
    where TProgram : class
{
    [Fact]
    public async Task A_null_inside_any_list_of_any_write_endpoint_is_a_400_naming_the_entry()
    {
        var caller = factory.ClientAs("probe-person", Guid.NewGuid(), "moderator,administrator");
        var probes = await BadValueProbes.ListFieldsAsync(caller);

        Assert.NotEmpty(probes);
        Assert.Empty(await BadValueProbes.FailuresAsync(caller, probes));
    }
}

/// <summary>A number or an unknown name in any enum field of any write endpoint is a 400 naming the field.</summary>
public abstract class EnumByNameSpecification<TProgram>(SqliteServiceFactory<TProgram> factory)
    where TProgram : class
{
    [Fact]
    public async Task A_number_or_unknown_name_in_any_enum_field_of_any_write_endpoint_is_a_400_naming_the_field()
    {
        var caller = factory.ClientAs("probe-person", Guid.NewGuid(), "moderator,administrator");
        var probes = await BadValueProbes.EnumFieldsAsync(caller);

        Assert.NotEmpty(probes);
        Assert.Empty(await BadValueProbes.FailuresAsync(caller, probes));
    }
}
