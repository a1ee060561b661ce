using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.PartnerMatching.Model;

/// <summary>
/// An organisation's interest in an idea, and the owner's answer: two-sided consent. Accepting raises
/// PartnershipAgreed, once: an interest is decided once, and a second decision is a 409.
/// </summary>
public sealed class Interest : RaisesIntegrationEvents
{
    public Guid Id { get; private set; }

    public Guid IdeaId { get; private set; }

    public Guid InterestedOrganisationId { get; private set; }

    public string InterestedPersonId { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>An environment the interested organisation offers to host the work in, if any.</summary>
    public Guid? EnvironmentId { get; private set; }

    public InterestStatus Status { get; private set; }

    public string? Reply { get; private set; }

    public string? DecidedByPersonId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    private Interest()
    {
    }

    public static Interest Express(MatchableIdea idea, OrganisationProfile interested, string personId, string message, Guid? environmentId, DateTime now)
    {
        if (!idea.OpenForPartners)
        {
            throw new RuleViolationException("This idea is not looking for partners.",
                "The idea was withdrawn or is no longer open; interest cannot be shown in it.", field: "ideaId");
        }
        if (idea.OwnerOrganisationId == interested.Id)
        {
            throw new RuleViolationException("An organisation cannot be interested in its own idea.",
                "Act for another organisation to show interest in this idea.", field: "ideaId");
        }
        var interest = new Interest
        {
            Id = Guid.CreateVersion7(),
            IdeaId = idea.IdeaId,
            InterestedOrganisationId = interested.Id,
            InterestedPersonId = personId,
            Message = message,
            EnvironmentId = environmentId,
            Status = InterestStatus.Pending,
            CreatedAt = now,
        };
        interest.Raise(new InterestExpressed(interest.Id, idea.IdeaId, idea.Title, idea.OwnerPersonId, idea.OwnerOrganisationId,
            interested.Id, interested.Name, message, new DateTimeOffset(now, TimeSpan.Zero)));
        return interest;
    }

    public void Accept(MatchableIdea idea, string personId, string reply, DateTime now)
    {
        Decide(InterestStatus.Accepted, personId, reply, now);
        Raise(new PartnershipAgreed(Id, IdeaId, idea.OwnerOrganisationId, [InterestedOrganisationId], EnvironmentId, new DateTimeOffset(now, TimeSpan.Zero)));
        Raise(new InterestAccepted(Id, IdeaId, idea.Title, InterestedOrganisationId, InterestedPersonId, reply, new DateTimeOffset(now, TimeSpan.Zero)));
    }

    public void Decline(MatchableIdea idea, string personId, string reply, DateTime now)
    {
        Decide(InterestStatus.Declined, personId, reply, now);
        Raise(new InterestDeclined(Id, IdeaId, idea.Title, InterestedOrganisationId, InterestedPersonId, reply, new DateTimeOffset(now, TimeSpan.Zero)));
    }

    private void Decide(InterestStatus decision, string personId, string reply, DateTime now)
    {
        if (Status != InterestStatus.Pending)
        {
            throw new RuleViolationException("This interest has already been answered.",
                $"It was {Status.ToKebabCase()} on {DecidedAt:yyyy-MM-dd}; an interest is answered once.",
                extensions: new Dictionary<string, object?> { ["interestStatus"] = Status.ToKebabCase() });
        }
        Status = decision;
        Reply = reply;
        DecidedByPersonId = personId;
        DecidedAt = now;
    }
}

public enum InterestStatus
{
    Pending,
    Accepted,
    Declined,
}
