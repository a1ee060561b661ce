using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace CoCreation.Testing;

/// <summary>One row of an authorisation matrix: an endpoint, how to make its request (with what it needs), and each caller's status.</summary>
public sealed record MatrixCase<TSetup>(string Endpoint, Func<TSetup, Task<HttpRequestMessage>> Request, IReadOnlyDictionary<Caller, HttpStatusCode> Expected);

/// <summary>
/// What every service's authorisation matrix shares: rows written as one line of statuses per endpoint, a theory case
/// for every endpoint and caller, and the check itself.
/// </summary>
public static class AuthorisationMatrix
{
    public static MatrixCase<TSetup> Row<TSetup>(string endpoint, Func<TSetup, Task<HttpRequestMessage>> request,
        int anonymous, int member, int otherMember, int organisationAdmin, int moderator, int administrator, int partnerSystem, int cityUnitMember) =>
        new(endpoint, request, new Dictionary<Caller, HttpStatusCode>
        {
            [Caller.Anonymous] = (HttpStatusCode)anonymous, [Caller.Member] = (HttpStatusCode)member,
            [Caller.OtherOrganisationMember] = (HttpStatusCode)otherMember, [Caller.OrganisationAdmin] = (HttpStatusCode)organisationAdmin,
            [Caller.Moderator] = (HttpStatusCode)moderator, [Caller.Administrator] = (HttpStatusCode)administrator,
            [Caller.PartnerSystem] = (HttpStatusCode)partnerSystem, [Caller.CityUnitMember] = (HttpStatusCode)cityUnitMember,
        });

    public static HttpRequestMessage Send(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    public static TheoryData<string, Caller> EveryEndpointAndCaller<TSetup>(IEnumerable<MatrixCase<TSetup>> cases)
    {
        var data = new TheoryData<string, Caller>();
        foreach (var row in cases)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(row.Endpoint, caller);
            }
        }
        return data;
    }

    /// <summary>Makes the case's request with what <paramref name="setup"/> prepares, sends it as <paramref name="caller"/>, and checks the status.</summary>
    public static async Task AssertStatusAsync<TSetup>(IEnumerable<MatrixCase<TSetup>> cases, string endpoint, Caller caller, TSetup setup, Func<Caller, HttpClient> clientOf)
    {
        var row = cases.Single(c => c.Endpoint == endpoint);
        using var request = await row.Request(setup);

        using var response = await clientOf(caller).SendAsync(request);

        Assert.True(row.Expected[caller] == response.StatusCode,
            $"{endpoint} as {caller}: expected {(int)row.Expected[caller]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
