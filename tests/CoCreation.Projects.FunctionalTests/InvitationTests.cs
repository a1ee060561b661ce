using System.Net;
using System.Net.Http.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>
/// An idea's organisation starts its project by hand, without waiting for an agreed partnership, and invites its
/// partners; an invited organisation joins by accepting, and then accepts the agreement like every participant.
/// </summary>
public sealed class InvitationTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();
    private readonly Guid _museum = Guid.NewGuid();

    private HttpClient School => factory.ClientAs("teacher-anna", _school);

    private HttpClient Studio => factory.ClientAs("game-dev", _studio);

    private HttpClient Museum => factory.ClientAs("curator", _museum);

    private async Task<Guid> PublishedIdeaAsync()
    {
        var idea = Guid.NewGuid();
        await factory.DeliverAsync(new IdeaStatusChanged(idea, "Museum game", IdeaStatus.Draft, IdeaStatus.Published, "teacher-anna", _school, DateTimeOffset.UtcNow));
        await factory.DeliverAsync(new OrganisationProfileChanged(_studio, "Pelipaja Oy", "company", DateTimeOffset.UtcNow));
        await factory.DeliverAsync(new OrganisationProfileChanged(_museum, "City Museum", "city-unit", DateTimeOffset.UtcNow));
        return idea;
    }

    private async Task<Guid> StartedByHandAsync(Guid idea) =>
        (await ReadJsonAsync(await School.PostAsJsonAsync("/api/v1/projects", new { ideaId = idea, title = "Museum game" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    private async Task<Guid> InviteAsync(Guid project, Guid organisation) =>
        (await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{project}/invitations", new { organisationId = organisation, message = "Join us!" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private Task<List<Guid>> PartnersAsync(Guid project) =>
        factory.WithDbAsync(async db => (await db.Projects.AsNoTracking().SingleAsync(p => p.Id == project)).PartnerOrganisationIds);

    [Fact]
    public async Task The_ideas_organisation_starts_a_project_by_hand_and_an_invited_organisation_joins_it()
    {
        var draft = Guid.NewGuid();
        await factory.DeliverAsync(new IdeaStatusChanged(draft, "A draft", IdeaStatus.Draft, IdeaStatus.Draft, "teacher-anna", _school, DateTimeOffset.UtcNow));
        await AssertProblemAsync(await School.PostAsJsonAsync("/api/v1/projects", new { ideaId = draft, title = "Too early" }), HttpStatusCode.Conflict, "ideaId");

        var idea = await PublishedIdeaAsync();
        await AssertProblemAsync(await Studio.PostAsJsonAsync("/api/v1/projects", new { ideaId = idea, title = "Not theirs" }), HttpStatusCode.Forbidden);
        var id = await StartedByHandAsync(idea);
        var created = Assert.Single(await factory.OutboxEventsAsync<ProjectCreated>(id));
        Assert.Equal(idea, created.IdeaId);
        Assert.Empty(created.PartnerOrganisationIds);
        await AssertProblemAsync(await School.PostAsJsonAsync("/api/v1/projects", new { ideaId = idea, title = "Twice" }), HttpStatusCode.Conflict, "ideaId");

        // Inviting someone unknown, or the owner itself, is refused and records nothing.
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/invitations", new { organisationId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "organisationId");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/invitations", new { organisationId = _school }), HttpStatusCode.Conflict, "organisationId");
        await AssertProblemAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/invitations", new { organisationId = _studio }), HttpStatusCode.Forbidden);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.ProjectId == id)));

        var invitation = await InviteAsync(id, _studio);
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/invitations", new { organisationId = _studio }), HttpStatusCode.Conflict, "organisationId");
        var sent = Assert.Single(await factory.OutboxEventsAsync<ProjectInvitationSent>(id));
        Assert.Equal((_studio, _school, "Join us!"), (sent.InvitedOrganisationId, sent.OwnerOrganisationId, sent.Message));

        // The invited organisation sees its invitation; an organisation not invited sees none of them.
        var seen = await ReadJsonAsync(await Studio.GetAsync($"/api/v1/projects/{id}/invitations"), HttpStatusCode.OK);
        Assert.Equal("Pelipaja Oy", Assert.Single(seen.EnumerateArray()).GetProperty("organisationName").GetString());
        await AssertProblemAsync(await Museum.GetAsync($"/api/v1/projects/{id}/invitations"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Museum.PostAsync($"/api/v1/projects/{id}/invitations/{invitation}/accept", null), HttpStatusCode.Forbidden);
        Assert.Empty(await PartnersAsync(id));

        var accepted = await ReadJsonAsync(await Studio.PostAsync($"/api/v1/projects/{id}/invitations/{invitation}/accept", null), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal([_studio], await PartnersAsync(id));
        Assert.True(Assert.Single(await factory.OutboxEventsAsync<ProjectInvitationAnswered>(id)).Accepted);
        await AssertProblemAsync(await Studio.PostAsync($"/api/v1/projects/{id}/invitations/{invitation}/decline", null), HttpStatusCode.Conflict, "status");
        Assert.Equal([_studio], await PartnersAsync(id));

        // The new partner is a participant: it is asked to accept the agreement, and may.
        using var write = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}/agreement") { Content = JsonContent.Create(new { additionalTerms = "" }) };
        write.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        var agreement = await ReadJsonAsync(await School.SendAsync(write), HttpStatusCode.OK);
        Assert.Equal([_school, _studio], agreement.GetProperty("awaitingOrganisationIds").EnumerateArray().Select(o => o.GetGuid()));
        await ReadJsonAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version = 1 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_declined_or_withdrawn_invitation_adds_no_partner_and_is_answered_once()
    {
        var id = await StartedByHandAsync(await PublishedIdeaAsync());
        var declined = await InviteAsync(id, _studio);
        var declinedAnswer = await ReadJsonAsync(await Studio.PostAsync($"/api/v1/projects/{id}/invitations/{declined}/decline", null), HttpStatusCode.OK);
        Assert.Equal("declined", declinedAnswer.GetProperty("status").GetString());
        Assert.False(Assert.Single(await factory.OutboxEventsAsync<ProjectInvitationAnswered>(id)).Accepted);

        var withdrawn = await InviteAsync(id, _museum);
        await AssertProblemAsync(await Museum.DeleteAsync($"/api/v1/projects/{id}/invitations/{withdrawn}"), HttpStatusCode.Forbidden);
        await ReadJsonAsync(await School.DeleteAsync($"/api/v1/projects/{id}/invitations/{withdrawn}"), HttpStatusCode.OK);
        await AssertProblemAsync(await Museum.PostAsync($"/api/v1/projects/{id}/invitations/{withdrawn}/accept", null), HttpStatusCode.Conflict, "status");
        Assert.Empty(await PartnersAsync(id));

        // Declined once, an organisation may be asked again.
        await InviteAsync(id, _studio);
        var statuses = await ReadJsonAsync(await School.GetAsync($"/api/v1/projects/{id}/invitations"), HttpStatusCode.OK);
        Assert.Equal(["pending", "withdrawn", "declined"], statuses.EnumerateArray().Select(i => i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_partnership_agreed_after_a_start_by_hand_brings_its_partners_into_the_project()
    {
        var idea = await PublishedIdeaAsync();
        var id = await StartedByHandAsync(idea);
        await factory.DeliverAsync(new PartnershipAgreed(Guid.NewGuid(), idea, _school, [_studio], null, DateTimeOffset.UtcNow));
        Assert.Equal([_studio], await PartnersAsync(id));
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/invitations", new { organisationId = _studio }), HttpStatusCode.Conflict, "organisationId");
    }

    [Fact]
    public async Task An_idea_that_found_its_partner_waits_for_the_partnership_and_then_starts_with_the_partner()
    {
        var idea = await PublishedIdeaAsync();
        await factory.DeliverAsync(new IdeaStatusChanged(idea, "Museum game", IdeaStatus.Published, IdeaStatus.PartnerFound, "teacher-anna", _school, DateTimeOffset.UtcNow));
        await AssertProblemAsync(await School.PostAsJsonAsync("/api/v1/projects", new { ideaId = idea, title = "Too soon" }), HttpStatusCode.Conflict, "ideaId");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.IdeaId == idea)));

        await factory.DeliverAsync(new PartnershipAgreed(Guid.NewGuid(), idea, _school, [_studio], null, DateTimeOffset.UtcNow));
        Assert.Equal([_studio], await PartnersAsync(await StartedByHandAsync(idea)));
    }

    [Fact]
    public async Task A_partnership_arriving_while_a_start_by_hand_is_saved_makes_the_start_fail_rather_than_miss_it()
    {
        var idea = await PublishedIdeaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
        // A start by hand has read the idea, with no partnership yet, and is about to save ...
        var known = await db.KnownIdeas.SingleAsync(i => i.Id == idea);
        db.Projects.Add(Project.StartByHand(known, "Museum game", "", "teacher-anna", DateTime.UtcNow));
        known.Claim();
        // ... when the partnership arrives, finds no project and commits.
        await factory.DeliverAsync(new PartnershipAgreed(Guid.NewGuid(), idea, _school, [_studio], null, DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(0, await factory.WithDbAsync(d => d.Projects.CountAsync(p => p.IdeaId == idea)));
        // Started again, the project has the partnership's partner.
        Assert.Equal([_studio], await PartnersAsync(await StartedByHandAsync(idea)));
    }
}
