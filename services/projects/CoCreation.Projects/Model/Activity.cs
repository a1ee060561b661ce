using System.Security.Cryptography;
using CoCreation.ApiConventions;

namespace CoCreation.Projects.Model;

/// <summary>The kinds of activity the CoSIE roadmap runs a project with.</summary>
public enum ActivityKind
{
    Workshop,
    PilotSession,
    SocialHackathon,
    CommunityReporting,
}

/// <summary>Whose view an evaluation gives: the CoSIE roadmap asks for diverse stakeholders, not only the team's.</summary>
public enum StakeholderGroup
{
    Pupils,
    Teachers,
    Parents,
    Company,
    City,
    Others,
}

/// <summary>
/// Something the project does with people, at a time and in a registered environment: a workshop, a pilot session, a
/// social hackathon, a community reporting session. Each has an anonymous feedback link (<see cref="FeedbackToken"/>)
/// that is open from the activity's start until <see cref="FeedbackClosesAt"/>.
/// </summary>
public sealed class Activity
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public ActivityKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>UTC; requests and pages speak the city's time (<see cref="CityCalendar"/>).</summary>
    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public Guid EnvironmentId { get; private set; }

    /// <summary>The project's organisations that take part.</summary>
    public List<Guid> OrganisationIds { get; private set; } = [];

    /// <summary>Who else takes part, such as pupils and parents, who give light feedback rather than sign in.</summary>
    public List<StakeholderGroup> StakeholderGroups { get; private set; } = [];

    /// <summary>The secret in the light-feedback link: whoever holds it may rate the activity, without an account.</summary>
    public string FeedbackToken { get; private set; } = "";

    public DateTime FeedbackClosesAt { get; private set; }

    public string ScheduledByPersonId { get; private set; } = "";

    public DateTime ScheduledAt { get; private set; }

    private Activity()
    {
    }

    public static Activity Schedule(Project project, ActivityKind kind, string title, string description, DateTime startsAt, DateTime endsAt,
        Guid environmentId, IReadOnlyList<Guid> organisationIds, IReadOnlyList<StakeholderGroup> groups, TimeSpan feedbackWindow, string personId, DateTime now)
    {
        if (endsAt <= startsAt)
        {
            throw new InvalidFieldException("endsAt", "An activity ends after it starts.");
        }
        if (endsAt - startsAt > TimeSpan.FromDays(14))
        {
            throw new InvalidFieldException("endsAt", "An activity lasts at most 14 days; schedule a longer pilot as several sessions.");
        }
        // Nullable, so that the empty id is an outsider like any other rather than "none found".
        if (organisationIds.Where(o => !project.Involves(o)).Select(o => (Guid?)o).FirstOrDefault() is { } outsider)
        {
            throw new InvalidFieldException("organisationIds", $"Organisation {outsider} does not take part in this project.");
        }
        return new Activity
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            Kind = kind,
            Title = title,
            Description = description,
            StartsAt = startsAt,
            EndsAt = endsAt,
            EnvironmentId = environmentId,
            OrganisationIds = organisationIds.Count > 0 ? [.. organisationIds.Distinct()] : [.. project.ParticipatingOrganisationIds],
            StakeholderGroups = [.. groups.Distinct()],
            FeedbackToken = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)),
            FeedbackClosesAt = endsAt + feedbackWindow,
            ScheduledByPersonId = personId,
            ScheduledAt = now,
        };
    }

    /// <summary>Why light feedback cannot be given now, or null when it can.</summary>
    public string? FeedbackClosedReason(DateTime now) =>
        now < StartsAt ? "Feedback opens when the activity starts."
        : now > FeedbackClosesAt ? "Feedback on this activity has closed."
        : null;

    public void Pseudonymise(string pseudonym) => ScheduledByPersonId = pseudonym;
}

/// <summary>
/// Where an evaluation came from: a signed-in member of the team, the anonymous light-feedback link of an activity, or
/// a light participant's personal link.
/// </summary>
public enum EvaluationSource
{
    Team,
    LightFeedback,
    LightParticipant,
}

/// <summary>
/// One stakeholder's rating of the project, given in any phase: 1 (poor) to 5 (very good) and, optionally, words.
/// Team evaluations name their organisation; light feedback names nobody, and keeps only a one-way key of its
/// address and link, to limit how much one address may send.
/// </summary>
public sealed class Evaluation
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid? ActivityId { get; private set; }

    public StakeholderGroup Group { get; private set; }

    public int Rating { get; private set; }

    public string Text { get; private set; } = "";

    public EvaluationSource Source { get; private set; }

    /// <summary>The phase the project was in: the chart shows how views moved as the project went on.</summary>
    public ProjectPhase Phase { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string? GivenByPersonId { get; private set; }

    /// <summary>For light feedback: a hash of the link and the sender's address, never the address itself.</summary>
    public string? SenderKey { get; private set; }

    /// <summary>For a light participant's evaluation: who, by their personal link (they have no account).</summary>
    public Guid? LightParticipantId { get; private set; }

    public DateTime GivenAt { get; private set; }

    private Evaluation()
    {
    }

    public static Evaluation ByTeam(Project project, Guid? activityId, StakeholderGroup group, int rating, string text, Guid organisationId, string personId, DateTime now) =>
        New(project, activityId, group, rating, text, EvaluationSource.Team, now, e =>
        {
            e.OrganisationId = organisationId;
            e.GivenByPersonId = personId;
        });

    public static Evaluation ByLightFeedback(Project project, Activity activity, StakeholderGroup group, int rating, string word, string senderKey, DateTime now) =>
        New(project, activity.Id, group, rating, word, EvaluationSource.LightFeedback, now, e => e.SenderKey = senderKey);

    public static Evaluation ByLightParticipant(Project project, Guid? activityId, LightParticipant participant, int rating, string text, DateTime now) =>
        New(project, activityId, participant.Group, rating, text, EvaluationSource.LightParticipant, now, e => e.LightParticipantId = participant.Id);

    private static Evaluation New(Project project, Guid? activityId, StakeholderGroup group, int rating, string text, EvaluationSource source, DateTime now,
        Action<Evaluation> who)
    {
        if (rating is < MinRating or > MaxRating)
        {
            throw new InvalidFieldException("rating", $"A rating is from {MinRating} to {MaxRating}.");
        }
        var evaluation = new Evaluation
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            ActivityId = activityId,
            Group = group,
            Rating = rating,
            Text = text,
            Source = source,
            Phase = project.Phase,
            GivenAt = now,
        };
        who(evaluation);
        return evaluation;
    }

    public void Pseudonymise(string pseudonym) => GivenByPersonId = pseudonym;
}

/// <summary>
/// One entry of the project's public decision log: who decided what, why, with which input, and when. Entries are
/// only added; a correction is a new entry that names the one it corrects.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>1, 2, 3... within the project, in the order the decisions were recorded.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Why, in Markdown.</summary>
    public string Rationale { get; private set; } = "";

    public Guid DecidedByOrganisationId { get; private set; }

    public string RecordedByPersonId { get; private set; } = "";

    public List<Guid> EvaluationIds { get; private set; } = [];

    public List<Guid> ActivityIds { get; private set; } = [];

    public int? Corrects { get; private set; }

    /// <summary>Set when the decision moved the project to another phase, so pages can say so in their own language.</summary>
    public ProjectPhase? ToPhase { get; private set; }

    public DateTime RecordedAt { get; private set; }

    private Decision()
    {
    }

    public static Decision Record(Guid projectId, int number, string title, string rationale, Guid organisationId, string personId,
        IReadOnlyList<Guid> evaluationIds, IReadOnlyList<Guid> activityIds, int? corrects, ProjectPhase? toPhase, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = projectId,
        Number = number,
        Title = title,
        Rationale = rationale,
        DecidedByOrganisationId = organisationId,
        RecordedByPersonId = personId,
        EvaluationIds = [.. evaluationIds.Distinct()],
        ActivityIds = [.. activityIds.Distinct()],
        Corrects = corrects,
        ToPhase = toPhase,
        RecordedAt = now,
    };

    public void Pseudonymise(string pseudonym) => RecordedByPersonId = pseudonym;
}
