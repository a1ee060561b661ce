using System.Text.Json;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.IntegrationEvents;

/// <summary>Answers a personal-data export with everything this service holds about the person.</summary>
public sealed class PersonalDataExportRequestedConsumer(IdeasDbContext db, TimeProvider clock, ILogger<PersonalDataExportRequestedConsumer> logger)
    : IdempotentConsumer<PersonalDataExportRequested, IdeasDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonalDataExportRequested message, ConsumeContext<PersonalDataExportRequested> context)
    {
        var person = message.PersonId;
        var cancellationToken = context.CancellationToken;
        var data = new
        {
            ideasCreated = await Db.Ideas.AsNoTracking().Where(i => i.OwnerPersonId == person)
                .Select(i => new { i.Id, i.Title, i.Status, i.OwnerOrganisationId, i.CreatedAt }).ToListAsync(cancellationToken),
            ideaChanges = await Db.IdeaVersions.AsNoTracking().Where(v => v.ChangedByPersonId == person)
                .Select(v => new { v.IdeaId, v.Number, v.Change, v.ChangedAt }).ToListAsync(cancellationToken),
            comments = await Db.Comments.AsNoTracking().Where(c => c.AuthorPersonId == person)
                .Select(c => new { c.Id, c.IdeaId, c.ParentCommentId, c.Body, c.CreatedAt, c.HiddenAt }).ToListAsync(cancellationToken),
            supports = await Db.Supports.AsNoTracking().Where(s => s.PersonId == person).Select(s => new { s.IdeaId, s.CreatedAt }).ToListAsync(cancellationToken),
            follows = await Db.Follows.AsNoTracking().Where(f => f.PersonId == person).Select(f => new { f.IdeaId, f.CreatedAt }).ToListAsync(cancellationToken),
            reports = await Db.Reports.AsNoTracking().Where(r => r.ReporterPersonId == person)
                .Select(r => new { r.Id, r.TargetKind, r.TargetId, r.Reason, r.Details, r.CreatedAt, r.ResolvedAt }).ToListAsync(cancellationToken),
            challengesPublished = await Db.Challenges.AsNoTracking().Where(c => c.OwnerPersonId == person)
                .Select(c => new { c.Id, c.Title, c.CreatedAt }).ToListAsync(cancellationToken),
            moderationActions = await Db.ModerationActions.AsNoTracking().Where(a => a.ModeratorPersonId == person)
                .Select(a => new { a.Id, a.TargetKind, a.TargetId, a.Action, a.Reason, a.At }).ToListAsync(cancellationToken),
        };
        Db.Publish(new PersonalDataCollected(message.ExportId, person, "ideas",
            JsonSerializer.Serialize(data, CoCreation.IntegrationEvents.PlatformJson.Options), Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>
/// A person erased their account: what they wrote stays for the others who rely on it (ideas, comments, the history,
/// the moderation log), attributed to a pseudonym; their follows go; their supports still count, anonymously.
/// </summary>
public sealed class PersonErasedConsumer(IdeasDbContext db, TimeProvider clock, ILogger<PersonErasedConsumer> logger)
    : IdempotentConsumer<PersonErased, IdeasDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonErased message, ConsumeContext<PersonErased> context)
    {
        var (person, pseudonym, cancellationToken) = (message.PersonId, message.Pseudonym, context.CancellationToken);
        // Bulk updates: each finds nothing the second time, so a redelivery changes nothing.
        await Db.Ideas.Where(i => i.OwnerPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(i => i.OwnerPersonId, pseudonym), cancellationToken);
        await Db.IdeaVersions.Where(v => v.ChangedByPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(v => v.ChangedByPersonId, pseudonym), cancellationToken);
        await Db.Comments.Where(c => c.AuthorPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(c => c.AuthorPersonId, pseudonym), cancellationToken);
        await Db.Reports.Where(r => r.ReporterPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReporterPersonId, pseudonym), cancellationToken);
        await Db.Challenges.Where(c => c.OwnerPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(c => c.OwnerPersonId, pseudonym), cancellationToken);
        await Db.ModerationActions.Where(a => a.ModeratorPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(a => a.ModeratorPersonId, pseudonym), cancellationToken);
        // A follow that goes is no longer counted: the ideas it was on count one follower fewer.
        var followed = await Db.Follows.Where(f => f.PersonId == person).Select(f => f.IdeaId).ToListAsync(cancellationToken);
        if (followed.Count > 0)
        {
            await Db.Ideas.Where(i => followed.Contains(i.Id) && i.FollowerCount > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.FollowerCount, i => i.FollowerCount - 1), cancellationToken);
        }
        await Db.Follows.Where(f => f.PersonId == person).ExecuteDeleteAsync(cancellationToken);
        // The person id is part of a support's key, so a support is replaced rather than changed.
        var supports = await Db.Supports.Where(s => s.PersonId == person).ToListAsync(cancellationToken);
        Db.Supports.RemoveRange(supports);
        Db.Supports.AddRange(supports.Select(s => s with { PersonId = pseudonym }));
    }
}
