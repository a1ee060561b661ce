using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.Projects.Model;

/// <summary>A partnership the partner-matching service agreed: what a project may be started from.</summary>
public sealed class AgreedPartnership
{
    public Guid PartnershipId { get; private set; }

    public Guid IdeaId { get; private set; }

    public Guid OwnerOrganisationId { get; private set; }

    public List<Guid> PartnerOrganisationIds { get; private set; } = [];

    public Guid? EnvironmentId { get; private set; }

    public DateTime AgreedAt { get; private set; }

    private AgreedPartnership()
    {
    }

    public static AgreedPartnership From(PartnershipAgreed agreed) => new()
    {
        PartnershipId = agreed.PartnershipId,
        IdeaId = agreed.IdeaId,
        OwnerOrganisationId = agreed.OwnerOrganisationId,
        PartnerOrganisationIds = [.. agreed.PartnerOrganisationIds],
        EnvironmentId = agreed.EnvironmentId,
        AgreedAt = agreed.AgreedAt.UtcDateTime,
    };
}

public enum ProjectStatus
{
    Active,
    Completed,
    Discontinued,
}

/// <summary>The CoSIE roadmap's phases. The first four are moved through by gates; the last two end a project.</summary>
public enum ProjectPhase
{
    Planning,
    Agreement,
    Piloting,
    Evaluation,
    Completed,
    Discontinued,
}

/// <summary>What a gate checks, as the project's records show it when a move is asked for.</summary>
public sealed record GateFacts(IReadOnlySet<CanvasQuestion> AnsweredQuestions, bool AgreementAcceptedByEveryOrganisation, int EvaluatedStakeholderGroups);

/// <summary>One checklist item a gate found unmet: a stable code for systems, a sentence for people.</summary>
public sealed record UnmetItem(string Code, string Detail);

/// <summary>
/// A development project grown from a matched idea: the idea's organisation and its agreed partners, carried out in a
/// real environment, moved through the CoSIE phases by gates (<see cref="MoveTo"/>; its canvas is <see cref="CanvasAnswer"/>),
/// and ended with an outcome, a success rating and a public co-creation reference.
/// </summary>
public sealed class Project : RaisesIntegrationEvents
{
    public Guid Id { get; private set; }

    /// <summary>The agreed partnership it started from; null for a project its idea's organisation started by hand.</summary>
    public Guid? PartnershipId { get; private set; }

    public Guid IdeaId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public List<Guid> PartnerOrganisationIds { get; private set; } = [];

    /// <summary>The registered environment that hosts the pilot, and the city unit that runs it (the environment host).</summary>
    public Guid? EnvironmentId { get; private set; }

    public Guid? HostOrganisationId { get; private set; }

    public ProjectStatus Status { get; private set; }

    public ProjectPhase Phase { get; private set; }

    /// <summary>Why the project was discontinued; public, as the decision is.</summary>
    public string? DiscontinuedReason { get; private set; }

    public string StartedByPersonId { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>What the project achieved, in Markdown; public once the project completes.</summary>
    public string? Outcome { get; private set; }

    /// <summary>1 (did not work) to 5 (worked very well), as the owner organisation rates it at the end.</summary>
    public int? SuccessRating { get; private set; }

    /// <summary>The owner's own words for the co-creation reference; the reference itself is <see cref="SignedReference"/>.</summary>
    public string? Reference { get; private set; }

    /// <summary>Partners that asked not to be named on the co-creation reference.</summary>
    public List<Guid> PartnersNotNamed { get; private set; } = [];

    /// <summary>The co-creation reference as the city's key signed it (a compact JWS), issued at completion.</summary>
    public string? SignedReference { get; private set; }

    public int Version { get; private set; }

    private Project()
    {
    }

    /// <summary>The owner, the partners and the environment host: the organisations that accept the agreement.</summary>
    public IReadOnlyList<Guid> ParticipatingOrganisationIds =>
        [.. PartnerOrganisationIds.Prepend(OwnerOrganisationId).Concat(HostOrganisationId is { } host ? [host] : []).Distinct()];

    public bool Involves(Guid? organisationId) => organisationId is { } id && ParticipatingOrganisationIds.Contains(id);

    public bool HasEnded => Phase is ProjectPhase.Completed or ProjectPhase.Discontinued;

    public static Project Start(AgreedPartnership partnership, KnownEnvironment? environment, string title, string summary, string personId, DateTime now) =>
        Begin(partnership.IdeaId, partnership.PartnershipId, partnership.OwnerOrganisationId, partnership.PartnerOrganisationIds, partnership.EnvironmentId,
            environment?.HostOrganisationId, title, summary, personId, now);

    /// <summary>
    /// The idea's organisation starts its project without waiting for an agreed partnership; it invites its partners
    /// (<see cref="ProjectInvitation"/>).
    /// </summary>
    public static Project StartByHand(KnownIdea idea, string title, string summary, string personId, DateTime now) =>
        Begin(idea.Id, null, idea.OwnerOrganisationId, [], null, null, title, summary, personId, now);

    private static Project Begin(Guid ideaId, Guid? partnershipId, Guid ownerOrganisationId, IEnumerable<Guid> partners, Guid? environmentId, Guid? hostOrganisationId,
        string title, string summary, string personId, DateTime now)
    {
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            IdeaId = ideaId,
            Title = title,
            Summary = summary,
            OwnerOrganisationId = ownerOrganisationId,
            PartnerOrganisationIds = [.. partners],
            EnvironmentId = environmentId,
            HostOrganisationId = hostOrganisationId,
            Status = ProjectStatus.Active,
            Phase = ProjectPhase.Planning,
            StartedByPersonId = personId,
            CreatedAt = now,
            Version = 1,
        };
        project.Raise(new ProjectCreated(project.Id, project.IdeaId, title, project.OwnerOrganisationId, project.PartnerOrganisationIds,
            new DateTimeOffset(now, TimeSpan.Zero)));
        return project;
    }

    /// <summary>
    /// An organisation becomes a partner: it accepted an invitation, or a later partnership of the idea named it. Like
    /// every participant it must accept the agreement's current version. Returns false when it already takes part.
    /// </summary>
    public bool Join(Guid organisationId)
    {
        if (HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project takes no new partners.", field: "phase");
        }
        if (Involves(organisationId))
        {
            return false;
        }
        PartnerOrganisationIds.Add(organisationId);
        Version++;
        return true;
    }

    public void Complete(string outcome, int successRating, string? reference, DateTime now)
    {
        if (Status == ProjectStatus.Completed)
        {
            throw new RuleViolationException("The project has already completed.", "Its outcome is recorded; it cannot complete twice.", field: "status");
        }
        if (Status == ProjectStatus.Discontinued)
        {
            throw new RuleViolationException("The project was discontinued.", "A discontinued project does not complete.", field: "status");
        }
        if (Phase != ProjectPhase.Evaluation)
        {
            throw new RuleViolationException("The project is not in evaluation yet.",
                $"It is in {Phase.ToKebabCase()}; a project completes from its evaluation phase, once its stakeholders have evaluated it.", field: "phase");
        }
        var from = Phase;
        Status = ProjectStatus.Completed;
        Phase = ProjectPhase.Completed;
        Outcome = outcome;
        SuccessRating = successRating;
        Reference = reference;
        CompletedAt = now;
        Version++;
        Raise(new ProjectPhaseChanged(Id, from.ToKebabCase(), Phase.ToKebabCase(), null, OwnerOrganisationId, PartnerOrganisationIds, new DateTimeOffset(now, TimeSpan.Zero), Title, IdeaId));
        Raise(new ProjectCompleted(Id, IdeaId, OwnerOrganisationId, PartnerOrganisationIds, new DateTimeOffset(now, TimeSpan.Zero)));
    }

    /// <summary>
    /// Moves to another phase. Forward, one step at a time, through the gate of the phase entered; back to any earlier
    /// phase when the team needs to rework it; or discontinued, with a reason, from any phase before the end.
    /// Completion has its own step (<see cref="Complete"/>), as it records the outcome.
    /// </summary>
    public void MoveTo(ProjectPhase target, GateFacts facts, string? reason, DateTime now)
    {
        if (Phase is ProjectPhase.Completed or ProjectPhase.Discontinued)
        {
            throw new RuleViolationException("The project has ended.", $"It is {Phase.ToKebabCase()}; an ended project changes phase no more.", field: "phase");
        }
        if (target == Phase || target == ProjectPhase.Completed || (target != ProjectPhase.Discontinued && target > Phase + 1))
        {
            throw new RuleViolationException("The project cannot move there from here.",
                $"From {Phase.ToKebabCase()} a project moves to {(Phase + 1).ToKebabCase()}, back to an earlier phase, or to discontinued; it completes with POST .../complete.",
                field: "phase");
        }
        if (target == ProjectPhase.Discontinued)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new InvalidFieldException("reason", "Say why the project is discontinued: the decision is public.");
            }
            Status = ProjectStatus.Discontinued;
            DiscontinuedReason = reason.Trim();
        }
        else if (target > Phase && UnmetItemsOf(target, facts) is { Count: > 0 } unmet)
        {
            throw new RuleViolationException($"The gate to {target.ToKebabCase()} is not open yet.",
                string.Join(" ", unmet.Select(u => u.Detail)), field: "phase",
                extensions: new Dictionary<string, object?> { ["unmet"] = unmet });
        }
        var from = Phase;
        Phase = target;
        Version++;
        Raise(new ProjectPhaseChanged(Id, from.ToKebabCase(), target.ToKebabCase(), reason?.Trim(), OwnerOrganisationId, PartnerOrganisationIds,
            new DateTimeOffset(now, TimeSpan.Zero), Title, IdeaId));
    }

    /// <summary>The checklist of the gate into <paramref name="phase"/>: what the CoSIE roadmap asks before it.</summary>
    public IReadOnlyList<UnmetItem> UnmetItemsOf(ProjectPhase phase, GateFacts facts)
    {
        var unmet = new List<UnmetItem>();
        switch (phase)
        {
            case ProjectPhase.Agreement:
                foreach (var question in Enum.GetValues<CanvasQuestion>().Where(q => !facts.AnsweredQuestions.Contains(q)))
                {
                    unmet.Add(new($"canvas-{question.ToKebabCase()}", $"Answer the canvas question {question.ToKebabCase()}."));
                }
                break;
            case ProjectPhase.Piloting:
                if (!facts.AgreementAcceptedByEveryOrganisation)
                {
                    unmet.Add(new("agreement-accepted", "Every participating organisation must accept the agreement."));
                }
                if (EnvironmentId is null)
                {
                    unmet.Add(new("environment-host", "A real environment must host the pilot."));
                }
                break;
            case ProjectPhase.Evaluation:
                if (facts.EvaluatedStakeholderGroups < 2)
                {
                    unmet.Add(new("evaluations-from-two-groups", "Evaluations from at least two stakeholder groups are needed."));
                }
                break;
        }
        return unmet;
    }

    /// <summary>
    /// The pilot moves to another registered environment: its city unit becomes the environment host, and, not having
    /// accepted the agreement yet, must accept it before piloting.
    /// </summary>
    public void HostIn(KnownEnvironment environment)
    {
        if (HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project's environment stays as it was.", field: "environmentId");
        }
        EnvironmentId = environment.Id;
        HostOrganisationId = environment.HostOrganisationId;
        Version++;
    }

    /// <summary>A partner chooses whether the co-creation reference names it; the reference is issued again if it exists.</summary>
    public void NameOnReference(Guid organisationId, bool named)
    {
        if (organisationId == OwnerOrganisationId)
        {
            throw new InvalidFieldException("named", "The owner organisation is always named: the reference is its project's.");
        }
        PartnersNotNamed.Remove(organisationId);
        if (!named)
        {
            PartnersNotNamed.Add(organisationId);
        }
        Version++;
    }

    public void Sign(string signedReference) => SignedReference = signedReference;

    /// <summary>The person is erased: the project stays, started by a pseudonym.</summary>
    public void Pseudonymise(string pseudonym) => StartedByPersonId = pseudonym;
}
