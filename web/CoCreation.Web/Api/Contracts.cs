using System.Text.Json;
namespace CoCreation.Web.Api;

// The public API's resources as this client reads them (docs/api-guide.md). Enumerations stay the API's kebab-case
// strings: they are keys into the page texts as they are.

public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record IdeaSummary(
    Guid Id, string Kind, string Status, string Title, string Summary, IReadOnlyList<string> Themes, IReadOnlyList<string> Environments,
    IReadOnlyList<string> AgeGroups, IReadOnlyList<string> SoughtCompetences, string Language, Guid? ChallengeId, Guid OwnerOrganisationId,
    DateTime? PublishedAt, DateTime UpdatedAt, int SupportCount, int CommentCount);

public sealed record Idea(
    Guid Id, string Kind, string Status, string Title, string Summary, string Description, string DescriptionHtml,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Environments, IReadOnlyList<string> AgeGroups, IReadOnlyList<string> SoughtCompetences,
    string Language, Guid? ChallengeId, string? OwnerPersonId, Guid OwnerOrganisationId, int Version, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? PublishedAt, int SupportCount, int CommentCount, int FollowerCount, IdeaHidden? Hidden = null, IdeaProject? Project = null);

/// <summary>The project the idea became, and its phase.</summary>
public sealed record IdeaProject(Guid Id, string Phase);

/// <summary>Shown to moderators and the owner only: when and why a moderator hid the idea.</summary>
public sealed record IdeaHidden(DateTime HiddenAt, string Reason);

/// <summary>The body of creating and replacing an idea.</summary>
public sealed record IdeaContent(
    string Kind, string Title, string Summary, string? Description, IReadOnlyList<string> Themes, IReadOnlyList<string> Environments,
    IReadOnlyList<string> AgeGroups, IReadOnlyList<string> SoughtCompetences, string Language, Guid? ChallengeId);

public sealed record IdeaVersion(int Number, string Change, string? ChangedByPersonId, DateTime ChangedAt, IReadOnlyList<FieldChange> Fields, string? Reason);

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record Comment(
    Guid Id, Guid? ParentCommentId, string? AuthorPersonId, Guid? AuthorOrganisationId, string Body, string BodyHtml, DateTime CreatedAt,
    IReadOnlyList<Comment> Replies);

public sealed record TaxonomyNames(string Fi, string Sv, string En)
{
    public string In(string language) => language switch { "fi" => Fi, "sv" => Sv, _ => En };
}

public sealed record TaxonomyTerm(string Code, TaxonomyNames Names, bool Retired);

public sealed record Taxonomy(IReadOnlyList<TaxonomyTerm> Themes, IReadOnlyList<TaxonomyTerm> Environments, IReadOnlyList<TaxonomyTerm> AgeGroups)
{
    public static readonly Taxonomy Empty = new([], [], []);

    /// <summary>A code's name in <paramref name="language"/>; the code itself when the term is unknown (retired since).</summary>
    public string Name(string code, string language) =>
        Themes.Concat(Environments).Concat(AgeGroups).FirstOrDefault(t => t.Code == code)?.Names.In(language) ?? code;
}

public sealed record Challenge(
    Guid Id, string Title, string Summary, string Description, string DescriptionHtml, IReadOnlyList<string> Themes, string Environment,
    DateOnly OpensOn, DateOnly ClosesOn, string Status, Guid OwnerOrganisationId, DateTime CreatedAt, int Version);

public sealed record MatchComponent(string Factor, double Weight, double Value, double Points, IReadOnlyList<string> Matched);

public sealed record PartnerMatch(Guid OrganisationId, string Name, string Type, double Score, IReadOnlyList<MatchComponent> Components);

public sealed record IdeaRecommendation(Guid IdeaId, string Title, string Kind, double Score, IReadOnlyList<MatchComponent> Components);

public sealed record Interest(
    Guid Id, Guid IdeaId, Guid InterestedOrganisationId, string InterestedPersonId, string Message, Guid? EnvironmentId, string Status,
    string? Reply, DateTime CreatedAt, DateTime? DecidedAt);

public sealed record OrganisationProfile(
    Guid Id, string Type, string Name, string Description, string DescriptionHtml, string? BusinessId, IReadOnlyList<string> Competences,
    IReadOnlyList<string> Offers, IReadOnlyList<string> Themes, IReadOnlyList<string> Languages, string Region, string ContactChannel,
    string? Website, bool Published, int CompletedProjects, int Version);

public sealed record AvailabilityWindow(DateOnly From, DateOnly To);

public sealed record RealEnvironment(
    Guid Id, Guid OwnerOrganisationId, string Kind, string Name, string Address, string Area, IReadOnlyList<string> AgeGroups, int Capacity,
    IReadOnlyList<AvailabilityWindow> Availability, string Rules, string RulesHtml, bool Published, int Version);

public sealed record Notification(Guid Id, string Kind, string Title, string Body, string Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NotificationPage(IReadOnlyList<Notification> Items);

public sealed record Project(
    Guid Id, Guid IdeaId, string Title, string Summary, string Status, Guid OwnerOrganisationId, IReadOnlyList<Guid> PartnerOrganisationIds,
    Guid? EnvironmentId, DateTime CreatedAt, DateTime? CompletedAt, string? Outcome, int? SuccessRating, string? Reference, int Version,
    string Phase, string? DiscontinuedReason, Guid? HostOrganisationId, IReadOnlyList<Guid> PartnersNotNamed, bool HasReference)
{
    /// <summary>The owner, the partners and the environment host: who accepts the agreement and works on the project.</summary>
    public IReadOnlyList<Guid> Participants =>
        [.. PartnerOrganisationIds.Prepend(OwnerOrganisationId).Concat(HostOrganisationId is { } host ? [host] : []).Distinct()];

    public bool Involves(Guid? organisation) => organisation is { } id && Participants.Contains(id);

    public bool HasEnded => Phase is "completed" or "discontinued";
}

/// <summary>The owner's invitation to an organisation to join the project as a partner.</summary>
public sealed record ProjectInvitation(
    Guid Id, Guid ProjectId, Guid InvitedOrganisationId, string OrganisationName, string Message, string Status, DateTime InvitedAt, DateTime? AnsweredAt);

/// <summary>The CoSIE roadmap's phases in order, as the API names them.</summary>
public static class ProjectPhases
{
    public static readonly IReadOnlyList<string> Roadmap = ["planning", "agreement", "piloting", "evaluation", "completed"];

    /// <summary>The phase's place on the roadmap, from 0; -1 for discontinued, which is off it.</summary>
    public static int Step(string phase) => Roadmap.ToList().IndexOf(phase);

    public static readonly IReadOnlyList<string> CanvasQuestions =
        ["context", "aims-and-why", "values", "capacities-and-resources", "barriers-and-contradictions", "tools-and-techniques"];

    public static readonly IReadOnlyList<string> Tools =
        ["social-media-and-open-data", "community-reporting", "design-techniques", "cosmos-tool", "social-hackathons", "engagement-strategies"];

    public static readonly IReadOnlyList<string> ActivityKinds = ["workshop", "pilot-session", "social-hackathon", "community-reporting"];

    public static readonly IReadOnlyList<string> StakeholderGroups = ["pupils", "teachers", "parents", "company", "city", "others"];
}

public sealed record CanvasAnswer(string Question, int Version, string Text, string TextHtml, IReadOnlyList<string> Tools, DateTime? ChangedAt, Guid? ChangedByOrganisationId);

public sealed record Canvas(IReadOnlyList<CanvasAnswer> Questions);

public sealed record UnmetItem(string Code, string Detail);

public sealed record Gate(string Phase, IReadOnlyList<UnmetItem> Unmet);

public sealed record Gates(string Phase, IReadOnlyList<Gate> Ahead);

public sealed record AgreementClause(string Code, bool Required, string Title, string Text);

public sealed record Acceptance(Guid OrganisationId, int Version, DateTime AcceptedAt);

public sealed record Agreement(
    int Version, string Language, IReadOnlyList<AgreementClause> Clauses, string AdditionalTerms, string AdditionalTermsHtml, DateTime? ChangedAt,
    IReadOnlyList<Acceptance> Acceptances, IReadOnlyList<Guid> AwaitingOrganisationIds);

public sealed record ProjectActivity(
    Guid Id, Guid ProjectId, string Kind, string Title, string Description, DateTime StartsAt, DateTime EndsAt, Guid EnvironmentId, string? EnvironmentName,
    IReadOnlyList<Guid> OrganisationIds, IReadOnlyList<string> StakeholderGroups, DateTime FeedbackClosesAt, string? FeedbackToken);

public sealed record ActivityContent(
    string Kind, string Title, string? Description, string StartsAt, string EndsAt, Guid? EnvironmentId, IReadOnlyList<string> StakeholderGroups);

public sealed record Evaluation(Guid Id, Guid? ActivityId, string Group, int Rating, string? Text, string Source, string Phase, DateTime GivenAt, Guid? OrganisationId);

public sealed record WeekPoint(DateOnly Week, int Count, double MeanRating);

public sealed record GroupSummary(string Group, int Count, double MeanRating, IReadOnlyList<WeekPoint> Weeks);

public sealed record EvaluationSummary(int Count, double? MeanRating, IReadOnlyList<GroupSummary> Groups);

public sealed record Decision(
    int Number, string Title, string Rationale, string RationaleHtml, Guid DecidedByOrganisationId, IReadOnlyList<Guid> EvaluationIds,
    IReadOnlyList<Guid> ActivityIds, int? Corrects, string? ToPhase, DateTime RecordedAt);

public sealed record ParticipantRating(Guid OrganisationId, int Rating, string Comment, DateTime RatedAt);

/// <summary>A person with a role in a project, by the name they chose; <see cref="IsYou"/> marks the signed-in person's own entry.</summary>
public sealed record TeamMember(Guid Id, string Name, string Role, Guid OrganisationId, DateTime JoinedAt, bool IsYou);

/// <summary>Someone the team invited to take part by a personal link, without an account.</summary>
public sealed record LightParticipant(Guid Id, string Label, string Group, string Token, DateTime InvitedAt, DateTime? RevokedAt, int Answers)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>What a personal link shows its holder: the project, its activities, which take an answer now.</summary>
public sealed record ParticipationLink(Guid ProjectId, string ProjectTitle, string ProjectSummary, string Phase, string Group, bool Open,
    IReadOnlyList<ParticipationActivity> Activities);

public sealed record ParticipationActivity(ProjectActivity Activity, bool Open, bool Answered);

public sealed record FeedbackLink(Guid ProjectId, string ProjectTitle, ProjectActivity Activity, bool Open, DateTime ClosesAt);

public sealed record CoCreationReference(string Reference, string Algorithm, string KeyId, JsonElement? Payload);

public sealed record ReferenceCheck(bool Valid, string KeyId, bool Current, JsonElement Payload);

public sealed record Membership(Guid OrganisationId, string Name, string Role, bool IsCityUnit);

/// <summary>A person's account; <paramref name="Language"/> is null until they choose one.</summary>
public sealed record Account(string Id, string Email, string DisplayName, string? Language, bool EmailConfirmed, IReadOnlyList<string> Roles, IReadOnlyList<Membership> Organisations);

public sealed record NewOrganisation(Guid Id, string Name, bool IsCityUnit);

/// <summary>The body of creating and replacing an organisation's profile.</summary>
public sealed record OrganisationProfileContent(
    string Type, string Name, string? Description, string? BusinessId, IReadOnlyList<string> Competences, IReadOnlyList<string> Offers,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Languages, string? Region, string ContactChannel, string? Website, bool Published);

public sealed record Member(string PersonId, string DisplayName, string Role);

public sealed record ApiClient(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A client as created or rotated: the only time its secret is shown.</summary>
public sealed record ApiClientWithSecret(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt);

/// <summary>A personal-data export; the parts themselves are downloaded as the API wrote them.</summary>
public sealed record PersonalDataExport(Guid Id, DateTime RequestedAt, DateTime ExpiresAt, bool Complete, IReadOnlyList<string> Missing);

/// <summary>The roles a person has in an organisation, and the API's scopes (what a client may be given), as the API names them.</summary>
public static class OrganisationAccess
{
    public static readonly IReadOnlyList<string> Roles = ["admin", "member"];

    public static readonly IReadOnlyList<string> Scopes =
        ["ideas.read", "ideas.write", "organisations.read", "organisations.write", "projects.read", "projects.write", "notifications.read", "webhooks.write"];
}

/// <summary>A report in the moderation queue, with what it is about.</summary>
public sealed record Report(
    Guid Id, string TargetKind, Guid TargetId, Guid IdeaId, string Reason, string Details, DateTime CreatedAt, DateTime? ResolvedAt,
    string IdeaTitle, string Excerpt, bool TargetHidden);

/// <summary>One entry of the moderation audit.</summary>
public sealed record ModerationAction(Guid Id, string TargetKind, Guid TargetId, Guid IdeaId, string Action, string Reason, string ModeratorPersonId, DateTime At);

/// <summary>The body of publishing a challenge.</summary>
public sealed record ChallengeContent(
    string Title, string Summary, string? Description, IReadOnlyList<string> Themes, string Environment, DateOnly? OpensOn, DateOnly? ClosesOn);

public sealed record Webhook(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt);

/// <summary>A subscription as created: the only time its signing secret is shown.</summary>
public sealed record WebhookWithSecret(Guid Id, string Url, IReadOnlyList<string> Events, string Secret, DateTime CreatedAt);

public sealed record WebhookDelivery(
    Guid Id, Guid EventId, string EventType, DateTime CreatedAt, int Attempts, DateTime? DeliveredAt, DateTime? NextAttemptAt, int? LastStatusCode, string? LastError);

/// <summary>The events a webhook can be subscribed to, as the API names them.</summary>
public static class WebhookEvents
{
    public static readonly IReadOnlyList<string> All =
    [
        "idea.published", "interest.expressed", "interest.accepted", "interest.declined", "matches.suggested", "partnership.agreed",
        "project.created", "project.phase-changed", "project.agreement-changed", "project.activity-scheduled", "project.evaluation-submitted",
        "project.decision-recorded", "project.completed", "project.invitation-sent", "project.invitation-answered",
    ];
}

/// <summary>What can be downloaded as open data, under which licence (the gateway's catalogue).</summary>
public sealed record OpenDataCatalogue(string License, string LicenseUrl, string Attribution, IReadOnlyList<OpenDataset> Datasets);

public sealed record OpenDataset(string Name, OpenDataFormats Formats);

public sealed record OpenDataFormats(string Csv, string Json);

/// <summary>The body of registering and replacing an environment.</summary>
public sealed record EnvironmentContent(
    string Kind, string Name, string? Address, string Area, IReadOnlyList<string> AgeGroups, int Capacity,
    IReadOnlyList<AvailabilityWindow> Availability, string? Rules, bool Published);
