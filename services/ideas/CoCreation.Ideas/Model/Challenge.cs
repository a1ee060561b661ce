using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.Ideas.Model;

/// <summary>
/// A time-boxed question a city unit asks ("How could the library reach teenagers?"). Ideas answer it while it is
/// open; dates are the city's calendar days, open from the first day to the last, inclusive.
/// </summary>
public sealed class Challenge : RaisesIntegrationEvents
{
    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Markdown, checked by <see cref="SafeMarkdown"/> on the way in.</summary>
    public string Description { get; private set; } = "";

    public List<string> Themes { get; private set; } = [];

    /// <summary>The kind of environment the answers are for (a code of the environment taxonomy).</summary>
    public string Environment { get; private set; } = "";

    public DateOnly OpensOn { get; private set; }

    public DateOnly ClosesOn { get; private set; }

    public string OwnerPersonId { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>1 when published, one more at each change: the ETag that <c>If-Match</c> names.</summary>
    public int Version { get; private set; }

    private Challenge()
    {
    }

    public static Challenge Publish(ChallengeContent content, string ownerPersonId, Guid ownerOrganisationId, DateTime now)
    {
        if (content.ClosesOn < content.OpensOn)
        {
            throw new InvalidFieldException("closesOn", "The close date must be on or after the open date.");
        }
        var challenge = new Challenge
        {
            Id = Guid.CreateVersion7(),
            Title = content.Title,
            Summary = content.Summary,
            Description = content.Description,
            Themes = [.. content.Themes],
            Environment = content.Environment,
            OpensOn = content.OpensOn,
            ClosesOn = content.ClosesOn,
            OwnerPersonId = ownerPersonId,
            OwnerOrganisationId = ownerOrganisationId,
            CreatedAt = now,
            Version = 1,
        };
        challenge.Raise(new ChallengePublished(challenge.Id, challenge.Title, challenge.Summary, challenge.Themes, challenge.Environment,
            challenge.OpensOn, challenge.ClosesOn, ownerPersonId, ownerOrganisationId, new DateTimeOffset(now, TimeSpan.Zero)));
        return challenge;
    }

    /// <summary>
    /// The city unit rewrites its question or moves its dates. A closed challenge stays as it was answered, and the
    /// new close date may not be in the past: closing early is <see cref="Close"/>.
    /// </summary>
    public void Update(ChallengeContent content, DateOnly today)
    {
        EnsureNotClosed(today);
        if (content.ClosesOn < today)
        {
            throw new InvalidFieldException("closesOn", "The close date must be today or later; to end the challenge now, close it.");
        }
        if (content.ClosesOn < content.OpensOn)
        {
            throw new InvalidFieldException("closesOn", "The close date must be on or after the open date.");
        }
        Title = content.Title;
        Summary = content.Summary;
        Description = content.Description;
        Themes = [.. content.Themes];
        Environment = content.Environment;
        OpensOn = content.OpensOn;
        ClosesOn = content.ClosesOn;
        Version++;
    }

    /// <summary>Ends the challenge now: it closed yesterday, so from today it accepts no new answers (an upcoming one never opens).</summary>
    public void Close(DateOnly today)
    {
        EnsureNotClosed(today);
        ClosesOn = today.AddDays(-1);
        if (OpensOn > ClosesOn)
        {
            OpensOn = ClosesOn;
        }
        Version++;
    }

    private void EnsureNotClosed(DateOnly today)
    {
        if (StatusOn(today) == ChallengeStatus.Closed)
        {
            throw new RuleViolationException("This challenge is closed.",
                $"It closed on {ClosesOn:yyyy-MM-dd}; a closed challenge stays as it was when ideas answered it.");
        }
    }

    public ChallengeStatus StatusOn(DateOnly today) =>
        today < OpensOn ? ChallengeStatus.Upcoming : today > ClosesOn ? ChallengeStatus.Closed : ChallengeStatus.Open;

    /// <summary>An idea may newly answer the challenge only while it is open.</summary>
    public void EnsureAcceptsAnswers(DateOnly today)
    {
        var status = StatusOn(today);
        if (status != ChallengeStatus.Open)
        {
            throw new RuleViolationException("This challenge does not accept answers now.",
                status == ChallengeStatus.Closed
                    ? $"The challenge closed on {ClosesOn:yyyy-MM-dd}; closed challenges accept no new answers."
                    : $"The challenge opens on {OpensOn:yyyy-MM-dd}.",
                field: "challengeId",
                extensions: new Dictionary<string, object?> { ["challengeStatus"] = status.ToKebabCase() });
        }
    }
}

public sealed record ChallengeContent(string Title, string Summary, string Description, IReadOnlyList<string> Themes, string Environment, DateOnly OpensOn, DateOnly ClosesOn);

public enum ChallengeStatus
{
    Upcoming,
    Open,
    Closed,
}
