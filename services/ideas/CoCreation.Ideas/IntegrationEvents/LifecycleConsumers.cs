using CoCreation.IntegrationEvents;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.IntegrationEvents;

/// <summary>Partner-matching agreed a partnership for an idea: the idea has found its partner.</summary>
public sealed class PartnershipAgreedConsumer(IdeasDbContext db, TimeProvider clock, ILogger<PartnershipAgreedConsumer> logger)
    : IdempotentConsumer<PartnershipAgreed, IdeasDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipAgreed message, ConsumeContext<PartnershipAgreed> context)
    {
        var idea = await Db.Ideas.FirstOrDefaultAsync(i => i.Id == message.IdeaId, context.CancellationToken);
        if (idea is null)
        {
            logger.LogWarning("PartnershipAgreed names idea {IdeaId}, which this service does not have; ignored", message.IdeaId);
            return;
        }
        idea.MarkPartnerFound(Clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>Projects turned an idea into a development project: the idea is converted.</summary>
public sealed class ProjectCreatedConsumer(IdeasDbContext db, TimeProvider clock, ILogger<ProjectCreatedConsumer> logger)
    : IdempotentConsumer<ProjectCreated, IdeasDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ProjectCreated message, ConsumeContext<ProjectCreated> context)
    {
        var idea = await Db.Ideas.FirstOrDefaultAsync(i => i.Id == message.IdeaId, context.CancellationToken);
        if (idea is null)
        {
            logger.LogWarning("ProjectCreated names idea {IdeaId}, which this service does not have; ignored", message.IdeaId);
            return;
        }
        idea.MarkConvertedToProject(message.ProjectId, Clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>The idea's project moved along the roadmap: the idea's page follows it.</summary>
public sealed class ProjectPhaseChangedConsumer(IdeasDbContext db, TimeProvider clock, ILogger<ProjectPhaseChangedConsumer> logger)
    : IdempotentConsumer<ProjectPhaseChanged, IdeasDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ProjectPhaseChanged message, ConsumeContext<ProjectPhaseChanged> context)
    {
        // The event names the idea, so it needs no ProjectCreated first (that travels on another queue).
        var idea = await Db.Ideas.FirstOrDefaultAsync(i => i.Id == message.IdeaId, context.CancellationToken);
        if (idea is null)
        {
            logger.LogWarning("ProjectPhaseChanged names idea {IdeaId}, which this service does not have; ignored", message.IdeaId);
            return;
        }
        idea.FollowProject(message.ProjectId, message.ToPhase);
    }
}
