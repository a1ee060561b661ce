using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.Ideas.Model;

/// <summary>
/// A development idea: a need someone has, or an offer someone makes, owned by an organisation.
/// Every change goes through a method here, which checks the lifecycle, records a version and raises the event
/// other services need; the database saves all three together.
/// </summary>
public sealed class Idea : RaisesIntegrationEvents
{
    /// <summary>The statuses anyone may see; drafts belong to their organisation, archived ideas to moderators.</summary>
    public static readonly IReadOnlyList<IdeaStatus> PublicStatuses =
        [IdeaStatus.Published, IdeaStatus.PartnerFound, IdeaStatus.ConvertedToProject, IdeaStatus.Withdrawn];

    /// <summary>What browsing shows by default: ideas that are, or were, looking for partners.</summary>
    public static readonly IReadOnlyList<IdeaStatus> ListedStatuses =
        [IdeaStatus.Published, IdeaStatus.PartnerFound, IdeaStatus.ConvertedToProject];

    private static readonly IReadOnlyList<IdeaStatus> EditableStatuses = [IdeaStatus.Draft, IdeaStatus.Published, IdeaStatus.PartnerFound];

    private readonly List<IdeaVersion> _versions = [];

    public Guid Id { get; private set; }

    public IdeaKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Markdown, checked by <see cref="SafeMarkdown"/> on the way in.</summary>
    public string Description { get; private set; } = "";

    public List<string> Themes { get; private set; } = [];

    public List<string> Environments { get; private set; } = [];

    public List<string> AgeGroups { get; private set; } = [];

    public List<string> SoughtCompetences { get; private set; } = [];

    public string Language { get; private set; } = "";

    public Guid? ChallengeId { get; private set; }

    public string OwnerPersonId { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public IdeaStatus Status { get; private set; }

    /// <summary>Grows by one with every recorded change; the ETag, and the number of the latest version.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>The "newest" order: when the idea was published, or created while it is a draft.</summary>
    public DateTime ListedAt { get; private set; }

    public int SupportCount { get; private set; }

    public int CommentCount { get; private set; }

    public int FollowerCount { get; private set; }

    /// <summary>The project the idea became, and the CoSIE phase it is in (followed from the projects service's events).</summary>
    public Guid? ProjectId { get; private set; }

    public string? ProjectPhase { get; private set; }

    public DateTime? HiddenAt { get; private set; }

    public string? HiddenReason { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    public IReadOnlyList<IdeaVersion> Versions => _versions;

    private Idea()
    {
    }

    public static Idea Create(IdeaContent content, string ownerPersonId, Guid ownerOrganisationId, bool publish, DateTime now)
    {
        var idea = new Idea
        {
            Id = Guid.CreateVersion7(),
            OwnerPersonId = ownerPersonId,
            OwnerOrganisationId = ownerOrganisationId,
            Status = IdeaStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            ListedAt = now,
        };
        idea.Apply(content);
        idea.Record(VersionChange.Created, ownerPersonId, now, [.. IdeaContent.FieldNames.Select(f => new FieldChange(f, null, idea.ValueOf(f)))]);
        if (publish)
        {
            idea.Publish(ownerPersonId, now);
        }
        return idea;
    }

    /// <summary>Replaces the owner's content. Returns the fields that changed (none: nothing recorded, nothing raised).</summary>
    public IReadOnlyList<string> Update(IdeaContent content, string personId, DateTime now)
    {
        if (!EditableStatuses.Contains(Status))
        {
            throw new RuleViolationException("This idea can no longer be edited.",
                $"An idea that is {Status.ToKebabCase()} cannot be edited; only drafts, published ideas and ideas that found a partner can.",
                extensions: new Dictionary<string, object?> { ["ideaStatus"] = Status.ToKebabCase() });
        }
        var before = IdeaContent.FieldNames.ToDictionary(f => f, ValueOf);
        Apply(content);
        var changes = IdeaContent.FieldNames
            .Where(f => before[f] != ValueOf(f))
            .Select(f => new FieldChange(f, before[f], ValueOf(f)))
            .ToList();
        if (changes.Count == 0)
        {
            return [];
        }
        UpdatedAt = now;
        Record(VersionChange.Updated, personId, now, changes);
        if (Status != IdeaStatus.Draft)
        {
            Raise(new IdeaUpdated(Id, Kind, Status, Title, Summary, Themes, Environments, AgeGroups, SoughtCompetences, Language,
                ChallengeId, OwnerPersonId, OwnerOrganisationId, Version, At(now), [.. changes.Select(c => c.Field)]));
        }
        return [.. changes.Select(c => c.Field)];
    }

    public void Publish(string personId, DateTime now)
    {
        MoveTo(IdeaStatus.Published, VersionChange.Published, personId, now, from: IdeaStatus.Draft);
        PublishedAt = now;
        ListedAt = now;
        Raise(new IdeaPublished(Id, Kind, Title, Summary, Themes, Environments, SoughtCompetences, Language, OwnerPersonId, OwnerOrganisationId, At(now))
        {
            AgeGroups = AgeGroups,
            ChallengeId = ChallengeId,
            Version = Version,
        });
    }

    public void Withdraw(string personId, DateTime now)
    {
        MoveTo(IdeaStatus.Withdrawn, VersionChange.Withdrawn, personId, now, from: IdeaStatus.Published);
        Raise(new IdeaWithdrawn(Id, Title, OwnerPersonId, OwnerOrganisationId, At(now)));
    }

    /// <summary>Follows PartnershipAgreed. A redelivered or late event for an idea already past this point changes nothing.</summary>
    public void MarkPartnerFound(DateTime now)
    {
        if (Status == IdeaStatus.Published)
        {
            MoveTo(IdeaStatus.PartnerFound, VersionChange.PartnerFound, SystemActor, now, from: IdeaStatus.Published);
        }
    }

    /// <summary>
    /// Follows ProjectCreated. Accepted from published too: the two events travel on different queues, and a project
    /// may be created before this service has heard of the partnership.
    /// </summary>
    public void MarkConvertedToProject(Guid projectId, DateTime now)
    {
        ProjectId = projectId;
        ProjectPhase ??= "planning";
        if (Status is IdeaStatus.Published or IdeaStatus.PartnerFound)
        {
            MoveTo(IdeaStatus.ConvertedToProject, VersionChange.ConvertedToProject, SystemActor, now, from: Status);
        }
    }

    /// <summary>Follows ProjectPhaseChanged: the idea's page says where its project is. Not a change of the idea's content.</summary>
    public void FollowProject(Guid projectId, string phase)
    {
        ProjectId = projectId;
        ProjectPhase = phase;
    }

    public void Archive(string moderatorPersonId, string reason, DateTime now)
    {
        if (Status == IdeaStatus.Archived)
        {
            throw InvalidTransition(IdeaStatus.Archived);
        }
        MoveTo(IdeaStatus.Archived, VersionChange.Archived, moderatorPersonId, now, from: Status, reason);
    }

    public void Hide(string moderatorPersonId, string reason, DateTime now)
    {
        if (IsHidden)
        {
            throw new RuleViolationException("This idea is already hidden.", "A hidden idea cannot be hidden again; unhide it first to change the reason.");
        }
        HiddenAt = now;
        HiddenReason = reason;
        Record(VersionChange.Hidden, moderatorPersonId, now, [new FieldChange("hidden", "false", "true")], reason);
        Raise(new ContentHidden(Id, Title, "idea", Id, OwnerPersonId, reason, At(now)));
    }

    public void Unhide(string moderatorPersonId, string reason, DateTime now)
    {
        if (!IsHidden)
        {
            throw new RuleViolationException("This idea is not hidden.", "Only a hidden idea can be shown again.");
        }
        HiddenAt = null;
        HiddenReason = null;
        Record(VersionChange.Unhidden, moderatorPersonId, now, [new FieldChange("hidden", "true", "false")], reason);
    }

    /// <summary>Whether people may support, follow or comment on it now.</summary>
    public void EnsureOpenForParticipation()
    {
        if (IsHidden || Status is not (IdeaStatus.Published or IdeaStatus.PartnerFound or IdeaStatus.ConvertedToProject))
        {
            throw new RuleViolationException("This idea is not open for participation.",
                $"Only published ideas take comments, supports and follows; this one is {Status.ToKebabCase()}.",
                extensions: new Dictionary<string, object?> { ["ideaStatus"] = Status.ToKebabCase() });
        }
    }

    public void CountSupport(int delta) => SupportCount = Math.Max(0, SupportCount + delta);

    public void CountFollower(int delta) => FollowerCount = Math.Max(0, FollowerCount + delta);

    /// <summary>A comment was written on this idea: count it and tell the owner, the followers' notifier and the parent's author.</summary>
    public void RecordComment(Comment comment, Comment? parent, DateTime now)
    {
        CommentCount++;
        var excerpt = comment.Body.Length <= 200 ? comment.Body : comment.Body[..200] + "…";
        Raise(new CommentAdded(comment.Id, Id, Title, OwnerPersonId, OwnerOrganisationId, parent?.Id, parent?.AuthorPersonId,
            comment.AuthorPersonId, excerpt, At(now)));
    }

    /// <summary>A moderator hid or showed again one of its comments.</summary>
    public void CountComment(int delta) => CommentCount = Math.Max(0, CommentCount + delta);

    /// <summary>A moderator hid one of the idea's comments: it leaves the count, and its author is told why.</summary>
    public void RecordCommentHidden(Comment comment, string reason, DateTime now)
    {
        CountComment(-1);
        Raise(new ContentHidden(Id, Title, "comment", comment.Id, comment.AuthorPersonId, reason, At(now)));
    }

    private const string SystemActor = "system";

    private void MoveTo(IdeaStatus to, VersionChange change, string personId, DateTime now, IdeaStatus from, string? reason = null)
    {
        if (Status != from)
        {
            throw InvalidTransition(to);
        }
        Status = to;
        UpdatedAt = now;
        Record(change, personId, now, [new FieldChange("status", from.ToKebabCase(), to.ToKebabCase())], reason);
        Raise(new IdeaStatusChanged(Id, Title, from, to, OwnerPersonId, OwnerOrganisationId, At(now)));
    }

    private RuleViolationException InvalidTransition(IdeaStatus to) => new(
        "This status change is not allowed.",
        $"An idea that is {Status.ToKebabCase()} cannot become {to.ToKebabCase()}. " +
        "Allowed: draft → published → partner-found → converted-to-project; published → withdrawn; any → archived by a moderator.",
        extensions: new Dictionary<string, object?> { ["ideaStatus"] = Status.ToKebabCase(), ["requestedStatus"] = to.ToKebabCase() });

    private void Apply(IdeaContent content)
    {
        Kind = content.Kind;
        Title = content.Title;
        Summary = content.Summary;
        Description = content.Description;
        Themes = [.. content.Themes];
        Environments = [.. content.Environments];
        AgeGroups = [.. content.AgeGroups];
        SoughtCompetences = [.. content.SoughtCompetences];
        Language = content.Language;
        ChallengeId = content.ChallengeId;
    }

    private void Record(VersionChange change, string personId, DateTime now, List<FieldChange> fields, string? reason = null)
    {
        Version++;
        _versions.Add(new IdeaVersion(Id, Version, change, personId, now, fields, reason));
    }

    private string? ValueOf(string field) => field switch
    {
        "kind" => Kind.ToKebabCase(),
        "title" => Title,
        "summary" => Summary,
        "description" => Description,
        "themes" => string.Join(", ", Themes),
        "environments" => string.Join(", ", Environments),
        "ageGroups" => string.Join(", ", AgeGroups),
        "soughtCompetences" => string.Join(", ", SoughtCompetences),
        "language" => Language,
        "challengeId" => ChallengeId?.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a content field."),
    };

    private static DateTimeOffset At(DateTime utc) => new(utc, TimeSpan.Zero);
}

/// <summary>What the owner writes; validated at the API boundary (against the taxonomy, the challenge and SafeMarkdown).</summary>
public sealed record IdeaContent(
    IdeaKind Kind,
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    Guid? ChallengeId)
{
    /// <summary>The content fields, named as clients name them; versions record changes by these names.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["kind", "title", "summary", "description", "themes", "environments", "ageGroups", "soughtCompetences", "language", "challengeId"];
}
