using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Matching;
using CoCreation.PartnerMatching.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.IntegrationEvents;

/// <summary>
/// Records a published idea for matching and, the first time, suggests its best partners (MatchesSuggested) so that
/// notifications can tell them. The suggestion is raised in the same transaction as the record.
/// </summary>
public sealed class IdeaPublishedConsumer(PartnerMatchingDbContext db, MatchingIndex index, TimeProvider clock, ILogger<IdeaPublishedConsumer> logger)
    : IdempotentConsumer<IdeaPublished, PartnerMatchingDbContext>(db, clock, logger)
{
    /// <summary>How many partners a new idea's suggestion names, and the least score worth telling anyone about.</summary>
    public const int SuggestedPartners = 5;
    public const double LeastSuggestedScore = 0.3;

    protected override async Task HandleAsync(IdeaPublished message, ConsumeContext<IdeaPublished> context)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var idea = await Db.MatchableIdeas.FirstOrDefaultAsync(i => i.IdeaId == message.IdeaId, context.CancellationToken);
        if (idea is not null)
        {
            idea.Apply(message, now);
            return;
        }
        idea = MatchableIdea.From(message, now);
        Db.MatchableIdeas.Add(idea);
        var partners = index.TopPartnersFor(idea, SuggestedPartners)
            .Where(m => m.Score >= LeastSuggestedScore)
            .Select(m => new SuggestedPartner(m.OrganisationId, m.Name, m.Score,
                [.. m.Components.Where(c => c.Matched.Count > 0 && c.Points > 0).Select(c => $"{c.Factor.ToString().ToLowerInvariant()}: {string.Join(", ", c.Matched)}")]))
            .ToList();
        idea.SuggestPartners(partners, now);
    }
}

/// <summary>Keeps the copy of an idea current; an older version never overwrites a newer one.</summary>
public sealed class IdeaUpdatedConsumer(PartnerMatchingDbContext db, TimeProvider clock, ILogger<IdeaUpdatedConsumer> logger)
    : IdempotentConsumer<IdeaUpdated, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(IdeaUpdated message, ConsumeContext<IdeaUpdated> context)
    {
        var idea = await Db.MatchableIdeas.FirstOrDefaultAsync(i => i.IdeaId == message.IdeaId, context.CancellationToken);
        idea?.Apply(message, Clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>A withdrawn idea leaves matching and takes no more interest.</summary>
public sealed class IdeaWithdrawnConsumer(PartnerMatchingDbContext db, TimeProvider clock, ILogger<IdeaWithdrawnConsumer> logger)
    : IdempotentConsumer<IdeaWithdrawn, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(IdeaWithdrawn message, ConsumeContext<IdeaWithdrawn> context)
    {
        var idea = await Db.MatchableIdeas.FirstOrDefaultAsync(i => i.IdeaId == message.IdeaId, context.CancellationToken);
        idea?.Close(Clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>Archived or converted ideas stop looking for partners too.</summary>
public sealed class IdeaStatusChangedConsumer(PartnerMatchingDbContext db, TimeProvider clock, ILogger<IdeaStatusChangedConsumer> logger)
    : IdempotentConsumer<IdeaStatusChanged, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(IdeaStatusChanged message, ConsumeContext<IdeaStatusChanged> context)
    {
        if (message.To is IdeaStatus.Archived or IdeaStatus.ConvertedToProject)
        {
            var idea = await Db.MatchableIdeas.FirstOrDefaultAsync(i => i.IdeaId == message.IdeaId, context.CancellationToken);
            idea?.Close(Clock.GetUtcNow().UtcDateTime);
        }
    }
}

/// <summary>Every organisation of a completed project has co-created once more, which matching counts in its favour.</summary>
public sealed class ProjectCompletedConsumer(PartnerMatchingDbContext db, TimeProvider clock, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ProjectCompleted message, ConsumeContext<ProjectCompleted> context)
    {
        var organisations = message.PartnerOrganisationIds.Append(message.OwnerOrganisationId).Distinct().ToList();
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var profile in await Db.Organisations.Where(o => organisations.Contains(o.Id)).ToListAsync(context.CancellationToken))
        {
            profile.CountCompletedProject(now);
        }
    }
}
