using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;

namespace CoCreation.Web.Api;

/// <summary>
/// The platform's public API at the gateway, as any partner system calls it: with the signed-in person's access
/// token, or anonymously. Answers the pages can act on (not found, forbidden, a problem with fields) come back as an
/// <see cref="ApiResult{T}"/>; an expired session and an unavailable platform are exceptions the web turns into a
/// sign-in and an error page.
/// </summary>
public sealed class PlatformApi(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(), new LenientText() } };

    public Task<ApiResult<CursorPage<IdeaSummary>>> SearchIdeasAsync(IdeaQuery query, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<IdeaSummary>>("/api/v1/ideas" + query.ToQueryString(), cancellationToken);

    public Task<ApiResult<Idea>> GetIdeaAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Idea>($"/api/v1/ideas/{id}", cancellationToken);

    public Task<ApiResult<Idea>> CreateIdeaAsync(IdeaContent content, bool draft, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<Idea>(HttpMethod.Post, "/api/v1/ideas" + (draft ? "?draft=true" : ""), content, cancellationToken, ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<Idea>> UpdateIdeaAsync(Guid id, int version, IdeaContent content, CancellationToken cancellationToken = default) =>
        SendAsync<Idea>(HttpMethod.Put, $"/api/v1/ideas/{id}", content, cancellationToken, ("If-Match", $"\"{version}\""));

    public Task<ApiResult<Idea>> PublishIdeaAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Idea>(HttpMethod.Post, $"/api/v1/ideas/{id}/publish", null, cancellationToken);

    public Task<ApiResult<Idea>> WithdrawIdeaAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Idea>(HttpMethod.Post, $"/api/v1/ideas/{id}/withdraw", null, cancellationToken);

    public Task<ApiResult<List<IdeaVersion>>> IdeaVersionsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<IdeaVersion>>($"/api/v1/ideas/{id}/versions", cancellationToken);

    public Task<ApiResult<CursorPage<Comment>>> CommentsAsync(Guid id, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<Comment>>($"/api/v1/ideas/{id}/comments{Query.Of(("cursor", cursor))}", cancellationToken);

    public Task<ApiResult<Comment>> AddCommentAsync(Guid id, string body, Guid? parentCommentId, CancellationToken cancellationToken = default) =>
        SendAsync<Comment>(HttpMethod.Post, $"/api/v1/ideas/{id}/comments", new { body, parentCommentId }, cancellationToken);

    public Task<ApiResult<Unit>> SetSupportAsync(Guid id, bool support, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(support ? HttpMethod.Put : HttpMethod.Delete, $"/api/v1/ideas/{id}/support", null, cancellationToken);

    public Task<ApiResult<Unit>> SetFollowAsync(Guid id, bool follow, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(follow ? HttpMethod.Put : HttpMethod.Delete, $"/api/v1/ideas/{id}/follow", null, cancellationToken);

    public Task<ApiResult<Unit>> ReportIdeaAsync(Guid id, string reason, string? details, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/ideas/{id}/reports", new { reason, details }, cancellationToken);

    public Task<ApiResult<Unit>> ReportCommentAsync(Guid ideaId, Guid commentId, string reason, string? details, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/ideas/{ideaId}/comments/{commentId}/reports", new { reason, details }, cancellationToken);

    public Task<ApiResult<List<PartnerMatch>>> MatchesAsync(Guid ideaId, CancellationToken cancellationToken = default) =>
        GetAsync<List<PartnerMatch>>($"/api/v1/ideas/{ideaId}/matches?limit=10", cancellationToken);

    public Task<ApiResult<List<Interest>>> InterestsAsync(Guid ideaId, CancellationToken cancellationToken = default) =>
        GetAsync<List<Interest>>($"/api/v1/ideas/{ideaId}/interests", cancellationToken);

    public Task<ApiResult<Interest>> ExpressInterestAsync(Guid ideaId, string message, Guid? environmentId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<Interest>(HttpMethod.Post, $"/api/v1/ideas/{ideaId}/interests", new { message, environmentId }, cancellationToken, ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<Interest>> DecideInterestAsync(Guid ideaId, Guid interestId, bool accept, string? reply, CancellationToken cancellationToken = default) =>
        SendAsync<Interest>(HttpMethod.Post, $"/api/v1/ideas/{ideaId}/interests/{interestId}/{(accept ? "accept" : "decline")}", new { reply }, cancellationToken);

    public Task<ApiResult<Taxonomy>> TaxonomyAsync(CancellationToken cancellationToken = default) =>
        GetAsync<Taxonomy>("/api/v1/taxonomy", cancellationToken);

    public Task<ApiResult<CursorPage<Challenge>>> ChallengesAsync(string? status, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<Challenge>>("/api/v1/challenges" + Query.Of(("status", status), ("cursor", cursor)), cancellationToken);

    public Task<ApiResult<Challenge>> PublishChallengeAsync(ChallengeContent content, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<Challenge>(HttpMethod.Post, "/api/v1/challenges", content, cancellationToken, ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<Challenge>> UpdateChallengeAsync(Guid id, int version, ChallengeContent content, CancellationToken cancellationToken = default) =>
        SendAsync<Challenge>(HttpMethod.Put, $"/api/v1/challenges/{id}", content, cancellationToken, ("If-Match", $"\"{version}\""));

    public Task<ApiResult<Challenge>> CloseChallengeAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Challenge>(HttpMethod.Post, $"/api/v1/challenges/{id}/close", null, cancellationToken);

    public Task<ApiResult<Challenge>> GetChallengeAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Challenge>($"/api/v1/challenges/{id}", cancellationToken);

    public Task<ApiResult<CursorPage<OrganisationProfile>>> OrganisationsAsync(string? q, string? type, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<OrganisationProfile>>("/api/v1/organisations" + Query.Of(("q", q), ("type", type), ("cursor", cursor)), cancellationToken);

    public Task<ApiResult<OrganisationProfile>> GetOrganisationAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<OrganisationProfile>($"/api/v1/organisations/{id}", cancellationToken);

    /// <summary>Creates the acting organisation's profile (version 0: none yet) or replaces it at <paramref name="version"/>.</summary>
    public Task<ApiResult<OrganisationProfile>> SaveOrganisationProfileAsync(Guid organisationId, int version, OrganisationProfileContent content, CancellationToken cancellationToken = default) =>
        version == 0
            ? SendAsync<OrganisationProfile>(HttpMethod.Post, "/api/v1/organisations", content, cancellationToken, ("Idempotency-Key", Guid.NewGuid().ToString("N")))
            : SendAsync<OrganisationProfile>(HttpMethod.Put, $"/api/v1/organisations/{organisationId}", content, cancellationToken, ("If-Match", $"\"{version}\""));

    public Task<ApiResult<List<IdeaRecommendation>>> RecommendedIdeasAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        GetAsync<List<IdeaRecommendation>>($"/api/v1/organisations/{organisationId}/recommended-ideas?limit=20", cancellationToken);

    public Task<ApiResult<CursorPage<RealEnvironment>>> EnvironmentsAsync(string? kind, Guid? organisation, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<RealEnvironment>>("/api/v1/environments" + Query.Of(("kind", kind), ("organisation", organisation?.ToString()), ("cursor", cursor)), cancellationToken);

    public Task<ApiResult<NotificationPage>> NotificationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<NotificationPage>("/api/v1/notifications?limit=100", cancellationToken);

    /// <summary>Up to <see cref="UnreadCountLimit"/> unread notifications: the header says "99+" beyond.</summary>
    public Task<ApiResult<NotificationPage>> UnreadNotificationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<NotificationPage>($"/api/v1/notifications?unreadOnly=true&limit={UnreadCountLimit}", cancellationToken);

    public const int UnreadCountLimit = 100;

    public Task<ApiResult<Unit>> MarkNotificationReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/notifications/{id}/read", null, cancellationToken);

    public Task<ApiResult<CursorPage<Project>>> ProjectsAsync(string? status, Guid? organisation, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<Project>>("/api/v1/projects" + Query.Of(("status", status), ("organisation", organisation?.ToString()), ("cursor", cursor)), cancellationToken);

    public Task<ApiResult<Project>> GetProjectAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Project>($"/api/v1/projects/{id}", cancellationToken);

    public Task<ApiResult<Project>> StartProjectAsync(Guid ideaId, string title, string? summary, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<Project>(HttpMethod.Post, "/api/v1/projects", new { ideaId, title, summary }, cancellationToken, ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<List<ProjectInvitation>>> InvitationsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<ProjectInvitation>>($"/api/v1/projects/{id}/invitations", cancellationToken);

    public Task<ApiResult<ProjectInvitation>> InviteAsync(Guid id, Guid organisationId, string? message, CancellationToken cancellationToken = default) =>
        SendAsync<ProjectInvitation>(HttpMethod.Post, $"/api/v1/projects/{id}/invitations", new { organisationId, message }, cancellationToken);

    /// <summary>The invited organisation accepts (it joins the project) or declines.</summary>
    public Task<ApiResult<ProjectInvitation>> AnswerInvitationAsync(Guid id, Guid invitationId, bool accept, CancellationToken cancellationToken = default) =>
        SendAsync<ProjectInvitation>(HttpMethod.Post, $"/api/v1/projects/{id}/invitations/{invitationId}/{(accept ? "accept" : "decline")}", new { }, cancellationToken);

    public Task<ApiResult<ProjectInvitation>> WithdrawInvitationAsync(Guid id, Guid invitationId, CancellationToken cancellationToken = default) =>
        SendAsync<ProjectInvitation>(HttpMethod.Delete, $"/api/v1/projects/{id}/invitations/{invitationId}", null, cancellationToken);

    public Task<ApiResult<List<TeamMember>>> TeamAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<TeamMember>>($"/api/v1/projects/{id}/team", cancellationToken);

    /// <summary>The signed-in person takes a role in the project, or changes theirs.</summary>
    public Task<ApiResult<TeamMember>> TakeRoleAsync(Guid id, string name, string role, CancellationToken cancellationToken = default) =>
        SendAsync<TeamMember>(HttpMethod.Put, $"/api/v1/projects/{id}/team/me", new { name, role }, cancellationToken);

    public Task<ApiResult<Unit>> LeaveTeamAsync(Guid id, Guid memberId, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Delete, $"/api/v1/projects/{id}/team/{memberId}", null, cancellationToken);

    public Task<ApiResult<List<LightParticipant>>> LightParticipantsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<LightParticipant>>($"/api/v1/projects/{id}/light-participants", cancellationToken);

    public Task<ApiResult<LightParticipant>> InviteLightParticipantAsync(Guid id, string label, string group, CancellationToken cancellationToken = default) =>
        SendAsync<LightParticipant>(HttpMethod.Post, $"/api/v1/projects/{id}/light-participants", new { label, group }, cancellationToken);

    public Task<ApiResult<LightParticipant>> RevokeLightParticipantAsync(Guid id, Guid participantId, CancellationToken cancellationToken = default) =>
        SendAsync<LightParticipant>(HttpMethod.Delete, $"/api/v1/projects/{id}/light-participants/{participantId}", null, cancellationToken);

    /// <summary>What a personal link shows, without an account.</summary>
    public Task<ApiResult<ParticipationLink>> ParticipationAsync(string token, CancellationToken cancellationToken = default) =>
        GetAsync<ParticipationLink>($"/api/v1/participation/{Uri.EscapeDataString(token)}", cancellationToken);

    public Task<ApiResult<Unit>> EvaluateByLinkAsync(string token, int rating, string? text, Guid? activityId, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/participation/{Uri.EscapeDataString(token)}/evaluations", new { rating, text, activityId }, cancellationToken);

    public Task<ApiResult<Canvas>> CanvasAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Canvas>($"/api/v1/projects/{id}/canvas", cancellationToken);

    public Task<ApiResult<CanvasAnswer>> AnswerCanvasAsync(Guid id, string question, int version, string text, IReadOnlyList<string>? tools, CancellationToken cancellationToken = default) =>
        SendAsync<CanvasAnswer>(HttpMethod.Put, $"/api/v1/projects/{id}/canvas/{question}", new { text, tools }, cancellationToken, ("If-Match", $"\"{version}\""));

    public Task<ApiResult<Gates>> GatesAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Gates>($"/api/v1/projects/{id}/gates", cancellationToken);

    public Task<ApiResult<Project>> MovePhaseAsync(Guid id, string phase, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<Project>(HttpMethod.Post, $"/api/v1/projects/{id}/phase", new { phase, reason }, cancellationToken);

    public Task<ApiResult<Project>> HostProjectAsync(Guid id, Guid environmentId, CancellationToken cancellationToken = default) =>
        SendAsync<Project>(HttpMethod.Put, $"/api/v1/projects/{id}/environment", new { environmentId }, cancellationToken);

    public Task<ApiResult<Agreement>> AgreementAsync(Guid id, string language, CancellationToken cancellationToken = default) =>
        GetAsync<Agreement>($"/api/v1/projects/{id}/agreement?language={language}", cancellationToken);

    public Task<ApiResult<List<AgreementClause>>> AgreementTemplatesAsync(string language, CancellationToken cancellationToken = default) =>
        GetAsync<List<AgreementClause>>($"/api/v1/agreement-templates?language={language}", cancellationToken);

    public Task<ApiResult<Agreement>> WriteAgreementAsync(Guid id, int version, IReadOnlyList<string> clauses, string? additionalTerms, string language, CancellationToken cancellationToken = default) =>
        SendAsync<Agreement>(HttpMethod.Put, $"/api/v1/projects/{id}/agreement?language={language}", new { clauses, additionalTerms }, cancellationToken, ("If-Match", $"\"{version}\""));

    public Task<ApiResult<Acceptance>> AcceptAgreementAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        SendAsync<Acceptance>(HttpMethod.Post, $"/api/v1/projects/{id}/agreement/acceptances", new { version }, cancellationToken);

    public Task<ApiResult<List<ProjectActivity>>> ActivitiesAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<ProjectActivity>>($"/api/v1/projects/{id}/activities", cancellationToken);

    public Task<ApiResult<ProjectActivity>> ScheduleActivityAsync(Guid id, ActivityContent content, CancellationToken cancellationToken = default) =>
        SendAsync<ProjectActivity>(HttpMethod.Post, $"/api/v1/projects/{id}/activities", content, cancellationToken);

    public Task<ApiResult<List<Evaluation>>> EvaluationsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<Evaluation>>($"/api/v1/projects/{id}/evaluations", cancellationToken);

    public Task<ApiResult<EvaluationSummary>> EvaluationSummaryAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<EvaluationSummary>($"/api/v1/projects/{id}/evaluations/summary", cancellationToken);

    public Task<ApiResult<Evaluation>> EvaluateAsync(Guid id, string group, int? rating, string? text, CancellationToken cancellationToken = default) =>
        SendAsync<Evaluation>(HttpMethod.Post, $"/api/v1/projects/{id}/evaluations", new { group, rating, text }, cancellationToken);

    public Task<ApiResult<List<Decision>>> DecisionsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<Decision>>($"/api/v1/projects/{id}/decisions", cancellationToken);

    public Task<ApiResult<Decision>> RecordDecisionAsync(Guid id, string title, string rationale, int? corrects, CancellationToken cancellationToken = default) =>
        SendAsync<Decision>(HttpMethod.Post, $"/api/v1/projects/{id}/decisions", new { title, rationale, corrects }, cancellationToken);

    public Task<ApiResult<List<ParticipantRating>>> RatingsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<ParticipantRating>>($"/api/v1/projects/{id}/ratings", cancellationToken);

    public Task<ApiResult<ParticipantRating>> RateProjectAsync(Guid id, int? rating, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<ParticipantRating>(HttpMethod.Put, $"/api/v1/projects/{id}/ratings", new { rating, comment }, cancellationToken);

    public Task<ApiResult<Project>> NameOnReferenceAsync(Guid id, bool named, CancellationToken cancellationToken = default) =>
        SendAsync<Project>(HttpMethod.Put, $"/api/v1/projects/{id}/reference/naming", new { named }, cancellationToken);

    public Task<ApiResult<CoCreationReference>> ReferenceAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<CoCreationReference>($"/api/v1/projects/{id}/reference", cancellationToken);

    public Task<ApiResult<ReferenceCheck>> VerifyReferenceAsync(string reference, CancellationToken cancellationToken = default) =>
        SendAsync<ReferenceCheck>(HttpMethod.Post, "/api/v1/references/verify", new { reference }, cancellationToken);

    public Task<ApiResult<FeedbackLink>> FeedbackLinkAsync(string token, CancellationToken cancellationToken = default) =>
        GetAsync<FeedbackLink>($"/api/v1/feedback/{Uri.EscapeDataString(token)}", cancellationToken);

    public Task<ApiResult<Unit>> GiveFeedbackAsync(string token, int rating, string? word, string? group, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/feedback/{Uri.EscapeDataString(token)}", new { rating, word, group }, cancellationToken);

    public Task<ApiResult<Project>> CompleteProjectAsync(Guid id, string outcome, int? successRating, string? reference, CancellationToken cancellationToken = default) =>
        SendAsync<Project>(HttpMethod.Post, $"/api/v1/projects/{id}/complete", new { outcome, successRating, reference }, cancellationToken);

    public Task<ApiResult<Account>> MyAccountAsync(CancellationToken cancellationToken = default) =>
        GetAsync<Account>("/api/v1/me", cancellationToken);

    public Task<ApiResult<NewOrganisation>> CreateOrganisationAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync<NewOrganisation>(HttpMethod.Post, "/api/v1/me/organisations", new { name }, cancellationToken);

    /// <summary>Mails the confirmation link again; the API answers the same for any address, so nothing is learnt from it.</summary>
    public Task<ApiResult<Unit>> ResendConfirmationAsync(string email, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, "/api/v1/accounts/email-confirmation/resend", new { email }, cancellationToken);

    public Task<ApiResult<Unit>> RegisterAsync(string email, string displayName, string password, string language, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, "/api/v1/accounts", new { email, displayName, password, language }, cancellationToken);

    public Task<ApiResult<Account>> UpdateProfileAsync(string displayName, string language, CancellationToken cancellationToken = default) =>
        SendAsync<Account>(HttpMethod.Put, "/api/v1/me", new { displayName, language }, cancellationToken);

    public Task<ApiResult<List<Member>>> MembersAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        GetAsync<List<Member>>($"/api/v1/organisations/{organisationId}/members", cancellationToken);

    public Task<ApiResult<Member>> AddMemberAsync(Guid organisationId, string email, string role, CancellationToken cancellationToken = default) =>
        SendAsync<Member>(HttpMethod.Post, $"/api/v1/organisations/{organisationId}/members", new { email, role }, cancellationToken);

    public Task<ApiResult<Member>> ChangeMemberRoleAsync(Guid organisationId, string personId, string role, CancellationToken cancellationToken = default) =>
        SendAsync<Member>(HttpMethod.Put, $"/api/v1/organisations/{organisationId}/members/{Uri.EscapeDataString(personId)}", new { role }, cancellationToken);

    public Task<ApiResult<Unit>> RemoveMemberAsync(Guid organisationId, string personId, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Delete, $"/api/v1/organisations/{organisationId}/members/{Uri.EscapeDataString(personId)}", null, cancellationToken);

    public Task<ApiResult<List<ApiClient>>> ClientsAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ApiClient>>($"/api/v1/organisations/{organisationId}/clients", cancellationToken);

    public Task<ApiResult<ApiClientWithSecret>> CreateClientAsync(Guid organisationId, string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default) =>
        SendAsync<ApiClientWithSecret>(HttpMethod.Post, $"/api/v1/organisations/{organisationId}/clients", new { name, scopes }, cancellationToken);

    public Task<ApiResult<ApiClientWithSecret>> RotateClientSecretAsync(Guid organisationId, string clientId, CancellationToken cancellationToken = default) =>
        SendAsync<ApiClientWithSecret>(HttpMethod.Post, $"/api/v1/organisations/{organisationId}/clients/{Uri.EscapeDataString(clientId)}/secret", null, cancellationToken);

    public Task<ApiResult<Unit>> RevokeClientAsync(Guid organisationId, string clientId, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Delete, $"/api/v1/organisations/{organisationId}/clients/{Uri.EscapeDataString(clientId)}", null, cancellationToken);

    public Task<ApiResult<PersonalDataExport>> RequestPersonalDataExportAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PersonalDataExport>(HttpMethod.Post, "/api/v1/me/personal-data-exports", null, cancellationToken);

    public Task<ApiResult<PersonalDataExport>> PersonalDataExportAsync(Guid exportId, CancellationToken cancellationToken = default) =>
        GetAsync<PersonalDataExport>($"/api/v1/me/personal-data-exports/{exportId}", cancellationToken);

    /// <summary>The export as the API wrote it, for the person to download as it is.</summary>
    public Task<ApiResult<string>> PersonalDataExportDocumentAsync(Guid exportId, CancellationToken cancellationToken = default) =>
        GetAsync<string>($"/api/v1/me/personal-data-exports/{exportId}", cancellationToken);

    public Task<ApiResult<Unit>> EraseAccountAsync(string password, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, "/api/v1/me/erasure", new { password }, cancellationToken);

    public Task<ApiResult<CursorPage<Report>>> ReportsAsync(bool resolved, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<Report>>("/api/v1/moderation/reports" + Query.Of(("status", resolved ? "resolved" : "open"), ("cursor", cursor)), cancellationToken);

    public Task<ApiResult<CursorPage<ModerationAction>>> ModerationActionsAsync(Guid? ideaId, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<CursorPage<ModerationAction>>("/api/v1/moderation/actions" + Query.Of(("ideaId", ideaId?.ToString()), ("cursor", cursor)), cancellationToken);

    /// <summary>Hides or shows again an idea (<paramref name="commentId"/> null) or one of its comments, with the moderator's reason.</summary>
    public Task<ApiResult<Unit>> SetHiddenAsync(Guid ideaId, Guid? commentId, bool hidden, string reason, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/ideas/{ideaId}{(commentId is { } id ? $"/comments/{id}" : "")}/{(hidden ? "hide" : "unhide")}", new { reason }, cancellationToken);

    public Task<ApiResult<Idea>> ArchiveIdeaAsync(Guid ideaId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync<Idea>(HttpMethod.Post, $"/api/v1/ideas/{ideaId}/archive", new { reason }, cancellationToken);

    public Task<ApiResult<Unit>> DismissReportAsync(Guid reportId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/moderation/reports/{reportId}/dismiss", new { reason }, cancellationToken);

    public Task<ApiResult<Taxonomy>> FullTaxonomyAsync(CancellationToken cancellationToken = default) =>
        GetAsync<Taxonomy>("/api/v1/taxonomy?includeRetired=true", cancellationToken);

    public Task<ApiResult<TaxonomyTerm>> PutTermAsync(string facet, string code, TaxonomyNames names, bool retired, CancellationToken cancellationToken = default) =>
        SendAsync<TaxonomyTerm>(HttpMethod.Put, $"/api/v1/taxonomy/{facet}/{Uri.EscapeDataString(code)}",
            new { nameFi = names.Fi, nameSv = names.Sv, nameEn = names.En, retired }, cancellationToken);

    public Task<ApiResult<Account>> FindAccountAsync(string email, CancellationToken cancellationToken = default) =>
        GetAsync<Account>("/api/v1/accounts" + Query.Of(("email", email)), cancellationToken);

    public Task<ApiResult<Account>> SetPlatformRolesAsync(string personId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default) =>
        SendAsync<Account>(HttpMethod.Put, $"/api/v1/accounts/{Uri.EscapeDataString(personId)}/roles", new { roles }, cancellationToken);

    public Task<ApiResult<NewOrganisation>> SetCityUnitAsync(Guid organisationId, bool isCityUnit, CancellationToken cancellationToken = default) =>
        SendAsync<NewOrganisation>(HttpMethod.Put, $"/api/v1/organisations/{organisationId}/city-unit", new { isCityUnit }, cancellationToken);

    public Task<ApiResult<List<Webhook>>> WebhooksAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<Webhook>>("/api/v1/webhooks", cancellationToken);

    public Task<ApiResult<WebhookWithSecret>> SubscribeWebhookAsync(string url, IReadOnlyList<string> events, CancellationToken cancellationToken = default) =>
        SendAsync<WebhookWithSecret>(HttpMethod.Post, "/api/v1/webhooks", new { url, events }, cancellationToken);

    public Task<ApiResult<Unit>> UnsubscribeWebhookAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Delete, $"/api/v1/webhooks/{id}", null, cancellationToken);

    public Task<ApiResult<Unit>> PingWebhookAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"/api/v1/webhooks/{id}/ping", null, cancellationToken);

    public Task<ApiResult<List<WebhookDelivery>>> WebhookDeliveriesAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<List<WebhookDelivery>>($"/api/v1/webhooks/{id}/deliveries", cancellationToken);

    public Task<ApiResult<OpenDataCatalogue>> OpenDataCatalogueAsync(CancellationToken cancellationToken = default) =>
        GetAsync<OpenDataCatalogue>("/api/v1/open-data", cancellationToken);

    /// <summary>The environments of these organisations, each once, by name: where a project's organisations can host its work.</summary>
    public async Task<IReadOnlyList<RealEnvironment>> EnvironmentsOfAsync(IEnumerable<Guid> organisations, CancellationToken cancellationToken = default)
    {
        var environments = new List<RealEnvironment>();
        foreach (var organisation in organisations)
        {
            environments.AddRange((await EnvironmentsAsync(null, organisation, null, cancellationToken)).Value?.Items ?? []);
        }
        return [.. environments.DistinctBy(e => e.Id).OrderBy(e => e.Name, StringComparer.CurrentCulture)];
    }

    public Task<ApiResult<RealEnvironment>> GetEnvironmentAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<RealEnvironment>($"/api/v1/environments/{id}", cancellationToken);

    /// <summary>Registers an environment of the acting city unit (version 0: new) or replaces it at <paramref name="version"/>.</summary>
    public Task<ApiResult<RealEnvironment>> SaveEnvironmentAsync(Guid? id, int version, EnvironmentContent content, string idempotencyKey, CancellationToken cancellationToken = default) =>
        id is { } existing
            ? SendAsync<RealEnvironment>(HttpMethod.Put, $"/api/v1/environments/{existing}", content, cancellationToken, ("If-Match", $"\"{version}\""))
            : SendAsync<RealEnvironment>(HttpMethod.Post, "/api/v1/environments", content, cancellationToken, ("Idempotency-Key", idempotencyKey));

    private Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        // A form sent without its hidden key has none: no header, rather than an empty one the API refuses.
        foreach (var (name, value) in headers.Where(h => !string.IsNullOrWhiteSpace(h.Value)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            throw new PlatformUnavailableException($"The platform's API at {http.BaseAddress} did not answer: {failure.Message}", failure);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new SignInRequiredException();
            }
            if (status >= 500)
            {
                throw new PlatformUnavailableException($"{method} {path} answered {status}.", null);
            }
            if (!response.IsSuccessStatusCode)
            {
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    ? await response.Content.ReadFromJsonAsync<ApiProblem>(Json, cancellationToken)
                    : null;
                return new ApiResult<T>(status, default, problem ?? new ApiProblem(status, response.ReasonPhrase ?? "", null, null));
            }
            if (typeof(T) == typeof(Unit) || response.StatusCode == HttpStatusCode.NoContent)
            {
                return new ApiResult<T>(status, default, null);
            }
            if (typeof(T) == typeof(string))
            {
                return new ApiResult<T>(status, (T)(object)await response.Content.ReadAsStringAsync(cancellationToken), null);
            }
            return new ApiResult<T>(status, await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null);
        }
    }
}

/// <summary>What an API call gave: the resource, or the problem (RFC 9457) that explains why not.</summary>
public sealed record ApiResult<T>(int Status, T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public bool IsForbidden => Status == StatusCodes.Status403Forbidden;
}

/// <summary>A problem-details answer; <see cref="Errors"/> names the fields that were wrong.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    /// <summary>The messages for <paramref name="field"/> (the API's camelCase name), for showing at that field.</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors?.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];
}

/// <summary>No content: the answer of support, follow, report and mark-as-read.</summary>
public readonly record struct Unit;

/// <summary>The session ended or the token was refused: the person signs in again, and comes back to the page.</summary>
public sealed class SignInRequiredException() : Exception("The person's session has ended.");

/// <summary>The gateway or a service behind it is down: an error page that says to try again shortly.</summary>
public sealed class PlatformUnavailableException(string message, Exception? inner) : Exception(message, inner);

/// <summary>The signed-in person's access token on every call, read from their session on this server.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http)
        {
            if (http.User.Identity?.IsAuthenticated == true && await http.GetTokenAsync("access_token") is { Length: > 0 } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            // The person's language, so the API can answer in it where it does.
            request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            // The person's address, so the gateway's rate limit counts each visitor, not the web server as one.
            if (http.Connection.RemoteIpAddress is { } address)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}

public static class Query
{
    public static string Of(params (string Name, string? Value)[] parameters) => Of(parameters.AsEnumerable());

    public static string Of(IEnumerable<(string Name, string? Value)> parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}

/// <summary>Every filter of the idea search, as the search page's form and the API name them.</summary>
public sealed record IdeaQuery(
    string? Q = null, string? Kind = null, IReadOnlyList<string>? Theme = null, IReadOnlyList<string>? Environment = null,
    IReadOnlyList<string>? AgeGroup = null, IReadOnlyList<string>? Status = null, Guid? Challenge = null, Guid? Organisation = null,
    string? Language = null, string? Sort = null, string? Cursor = null, int? Limit = null)
{
    public string ToQueryString() => Query.Of(Parameters());

    public IEnumerable<(string Name, string? Value)> Parameters()
    {
        yield return ("q", Q);
        yield return ("kind", Kind);
        foreach (var theme in Theme ?? [])
        {
            yield return ("theme", theme);
        }
        foreach (var environment in Environment ?? [])
        {
            yield return ("environment", environment);
        }
        foreach (var ageGroup in AgeGroup ?? [])
        {
            yield return ("ageGroup", ageGroup);
        }
        foreach (var status in Status ?? [])
        {
            yield return ("status", status);
        }
        yield return ("challenge", Challenge?.ToString());
        yield return ("organisation", Organisation?.ToString());
        yield return ("language", Language);
        yield return ("sort", Sort);
        yield return ("cursor", Cursor);
        yield return ("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
