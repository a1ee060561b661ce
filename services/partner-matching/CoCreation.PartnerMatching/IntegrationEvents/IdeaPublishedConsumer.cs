using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.IntegrationEvents;

/// <summary>Records a published idea in the matching index.</summary>
public sealed class IdeaPublishedConsumer(PartnerMatchingDbContext db, TimeProvider clock, ILogger<IdeaPublishedConsumer> logger)
    : IdempotentConsumer<IdeaPublished, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(IdeaPublished message, ConsumeContext<IdeaPublished> context)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var existing = await Db.MatchableIdeas.FirstOrDefaultAsync(i => i.IdeaId == message.IdeaId, context.CancellationToken);
        if (existing is null)
        {
            Db.MatchableIdeas.Add(MatchableIdea.From(message, now));
        }
        else
        {
            existing.Apply(message, now);
        }
    }
}
