using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCreation.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>
/// The co-creation reference a completed project gets: signed with the city's key, verifiable by anyone with the
/// published public key, and naming only the partners that want to be named.
/// </summary>
public sealed class ReferenceTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();

    private HttpClient School => factory.ClientAs("teacher-anna", _school);

    private HttpClient Studio => factory.ClientAs("game-dev", _studio);

    private HttpClient Public => factory.ClientAs(null);

    private async Task<Guid> CompletedAsync()
    {
        var id = await new ProjectJourney(factory.Services, () => School, _school, () => Studio, _studio).InEvaluationAsync();
        await ReadJsonAsync(await Studio.PutAsJsonAsync($"/api/v1/projects/{id}/ratings", new { rating = 5, comment = "Pupils were the best testers." }), HttpStatusCode.OK);
        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete",
            new { outcome = "The museum keeps the game.", successRating = 4, reference = "A game made with pupils." }), HttpStatusCode.OK);
        return id;
    }

    private static JsonObject PayloadOf(string compact) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(compact.Split('.')[1]))!.AsObject();

    [Fact]
    public async Task A_completed_project_has_a_reference_signed_by_the_city_that_anyone_verifies_with_the_published_key()
    {
        var id = await CompletedAsync();

        var reference = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/reference"), HttpStatusCode.OK);
        var compact = reference.GetProperty("reference").GetString()!;
        var payload = PayloadOf(compact);
        Assert.Equal(("Museum game", "Tapiola School", "Pelipaja Oy", "Tapiola School's library"), (payload["title"]!.GetValue<string>(),
            payload["owner"]!["name"]!.GetValue<string>(), payload["partners"]![0]!["name"]!.GetValue<string>(), payload["environment"]!["name"]!.GetValue<string>()));
        Assert.Equal((4, "The museum keeps the game."), (payload["successRating"]!.GetValue<int>(), payload["outcome"]!.GetValue<string>()));
        Assert.Equal(5, payload["participantRatings"]![0]!["rating"]!.GetValue<int>());

        // Checked here...
        var verified = await ReadJsonAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = compact }), HttpStatusCode.OK);
        Assert.Equal((true, true), (verified.GetProperty("valid").GetBoolean(), verified.GetProperty("current").GetBoolean()));
        // ...and by anyone with the published key, with no help from the platform.
        var keys = await ReadJsonAsync(await Public.GetAsync("/api/v1/references/keys"), HttpStatusCode.OK);
        using var key = ECDsa.Create();
        key.ImportFromPem(keys.GetProperty("publicKeyPem").GetString());
        var parts = compact.Split('.');
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256));
        Assert.Equal(reference.GetProperty("keyId").GetString(), keys.GetProperty("keys")[0].GetProperty("kid").GetString());
    }

    [Fact]
    public async Task An_altered_or_forged_reference_is_a_problem_naming_the_reference()
    {
        var compact = (await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{await CompletedAsync()}/reference"), HttpStatusCode.OK))
            .GetProperty("reference").GetString()!;
        var parts = compact.Split('.');

        // A better rating typed into the payload breaks the signature.
        var payload = PayloadOf(compact);
        payload["successRating"] = 5;
        var altered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        var problem = await AssertProblemAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = altered }), HttpStatusCode.BadRequest, "reference");
        Assert.Contains("altered", problem.GetProperty("errors").GetProperty("reference")[0].GetString(), StringComparison.Ordinal);

        // Signed with another key, even under the city's key id.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = forger.SignData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), HashAlgorithmName.SHA256);
        var forged = $"{parts[0]}.{parts[1]}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
        await AssertProblemAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = forged }), HttpStatusCode.BadRequest, "reference");
        await AssertProblemAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = "not a reference" }), HttpStatusCode.BadRequest, "reference");
    }

    [Fact]
    public async Task A_reference_has_one_valid_form_its_signature_re_encoded_is_refused()
    {
        var compact = (await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{await CompletedAsync()}/reference"), HttpStatusCode.OK))
            .GetProperty("reference").GetString()!;
        var parts = compact.Split('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        // The other signature ECDSA accepts for the same message: (r, n − s).
        var order = System.Numerics.BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var mirrored = (byte[])signature.Clone();
        Array.Clear(mirrored, 32, 32);
        var high = (order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        high.CopyTo(mirrored, 64 - high.Length);

        await ReadJsonAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = compact }), HttpStatusCode.OK);
        foreach (var variant in new[] { $"{parts[0]}.{parts[1]}.{System.Buffers.Text.Base64Url.EncodeToString(mirrored)}", compact + "=", compact + "A" })
        {
            await AssertProblemAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = variant }), HttpStatusCode.BadRequest, "reference");
        }
    }

    [Fact]
    public async Task A_partner_that_declines_to_be_named_is_left_off_a_newly_signed_reference_and_the_old_one_is_no_longer_current()
    {
        var id = await CompletedAsync();
        var before = (await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/reference"), HttpStatusCode.OK)).GetProperty("reference").GetString()!;

        await AssertProblemAsync(await School.PutAsJsonAsync($"/api/v1/projects/{id}/reference/naming", new { named = false }), HttpStatusCode.BadRequest, "named");
        var declined = await ReadJsonAsync(await Studio.PutAsJsonAsync($"/api/v1/projects/{id}/reference/naming", new { named = false }), HttpStatusCode.OK);

        Assert.Equal([_studio], declined.GetProperty("partnersNotNamed").EnumerateArray().Select(p => p.GetGuid()));
        var after = (await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/reference"), HttpStatusCode.OK)).GetProperty("reference").GetString()!;
        var payload = PayloadOf(after);
        Assert.Empty(payload["partners"]!.AsArray());
        Assert.Equal(1, payload["partnersNotNamed"]!.GetValue<int>());
        Assert.DoesNotContain("Pelipaja", payload.ToJsonString(), StringComparison.Ordinal);
        var old = await ReadJsonAsync(await Public.PostAsJsonAsync("/api/v1/references/verify", new { reference = before }), HttpStatusCode.OK);
        Assert.Equal((true, false), (old.GetProperty("valid").GetBoolean(), old.GetProperty("current").GetBoolean()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.Id == id && p.SignedReference == before)));
    }

    [Fact]
    public async Task Participants_rate_the_project_only_from_its_evaluation_phase_and_within_range()
    {
        var journey = new ProjectJourney(factory.Services, () => School, _school, () => Studio, _studio);
        var early = await journey.StartAsync();
        await AssertProblemAsync(await Studio.PutAsJsonAsync($"/api/v1/projects/{early}/ratings", new { rating = 4 }), HttpStatusCode.Conflict, "rating");
        var id = await journey.InEvaluationAsync();
        await AssertProblemAsync(await Studio.PutAsJsonAsync($"/api/v1/projects/{id}/ratings", new { rating = 9 }), HttpStatusCode.BadRequest, "rating");

        await ReadJsonAsync(await Studio.PutAsJsonAsync($"/api/v1/projects/{id}/ratings", new { rating = 3 }), HttpStatusCode.OK);
        await ReadJsonAsync(await Studio.PutAsJsonAsync($"/api/v1/projects/{id}/ratings", new { rating = 4, comment = "On reflection, good." }), HttpStatusCode.OK);

        var ratings = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/ratings"), HttpStatusCode.OK);
        var rating = Assert.Single(ratings.EnumerateArray());
        Assert.Equal((_studio, 4, "On reflection, good."), (rating.GetProperty("organisationId").GetGuid(), rating.GetProperty("rating").GetInt32(), rating.GetProperty("comment").GetString()));
        await AssertProblemAsync(await Public.GetAsync($"/api/v1/projects/{id}/reference"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_erased_leaves_the_projects_records_under_a_pseudonym_and_an_export_lists_what_they_did()
    {
        var person = $"person-{Guid.NewGuid():N}";
        var school = factory.ClientAs(person, _school);
        var id = await new ProjectJourney(factory.Services, () => school, _school, () => Studio, _studio).InEvaluationAsync();
        await ReadJsonAsync(await school.PostAsJsonAsync($"/api/v1/projects/{id}/decisions", new { title = "Keep going", rationale = "Pupils liked it." }), HttpStatusCode.Created);

        var exportId = Guid.NewGuid();
        await factory.DeliverAsync(new PersonalDataExportRequested(exportId, person, DateTime.UtcNow));
        var collected = Assert.Single(await factory.OutboxEventsAsync<PersonalDataCollected>(exportId));
        var data = JsonDocument.Parse(collected.DataJson).RootElement;
        Assert.Equal(6, data.GetProperty("canvasAnswersWritten").GetArrayLength());
        Assert.Equal(1, data.GetProperty("agreementsAccepted").GetArrayLength());
        Assert.Equal(1, data.GetProperty("evaluationsGiven").GetArrayLength());
        Assert.Equal(4, data.GetProperty("decisionsRecorded").GetArrayLength()); // three phase moves and one of their own

        await factory.DeliverAsync(new PersonErased(person, "erased-7", DateTime.UtcNow));

        var traces = await factory.WithDbAsync(async db => new[]
        {
            await db.Projects.CountAsync(p => p.StartedByPersonId == person),
            await db.CanvasAnswers.CountAsync(a => a.ChangedByPersonId == person),
            await db.Agreements.CountAsync(a => a.ChangedByPersonId == person),
            await db.AgreementAcceptances.CountAsync(a => a.AcceptedByPersonId == person),
            await db.Evaluations.CountAsync(e => e.GivenByPersonId == person),
            await db.Decisions.CountAsync(d => d.RecordedByPersonId == person),
        });
        Assert.All(traces, count => Assert.Equal(0, count));
        Assert.Equal(4, await factory.WithDbAsync(db => db.Decisions.CountAsync(d => d.ProjectId == id && d.RecordedByPersonId == "erased-7")));
    }
}
