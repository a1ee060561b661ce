using System.Net;
using System.Text.Json;
using Xunit;

namespace CoCreation.Testing;

/// <summary>Reading answers in tests: the expected status (or a message with the body), and problem details that name a field.</summary>
public static class HttpAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An RFC 9457 problem with the expected status, a trace id, and (when given) <paramref name="namingField"/> in its errors.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? namingField = null)
    {
        var problem = await ReadJsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _), $"a problem carries a traceId: {problem}");
        foreach (var member in new[] { "type", "title", "detail" })
        {
            Assert.True(problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                $"a problem has its {member} (RFC 9457): {problem}");
        }
        if (namingField is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"the problem should have errors naming '{namingField}': {problem}");
            Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, namingField, StringComparison.OrdinalIgnoreCase)),
                $"errors should name '{namingField}': {errors}");
        }
        return problem;
    }
}
