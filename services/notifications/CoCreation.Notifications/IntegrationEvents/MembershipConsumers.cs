using System.Diagnostics;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>Keeps the copy of organisations' members up to date; a change older than the one recorded is ignored.</summary>
public sealed class MembershipChangedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<MembershipChangedConsumer> logger)
    : IdempotentConsumer<MembershipChanged, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(MembershipChanged message, ConsumeContext<MembershipChanged> context)
    {
        var member = await Db.OrganisationMembers.FirstOrDefaultAsync(
            m => m.OrganisationId == message.OrganisationId && m.PersonId == message.PersonId, context.CancellationToken);
        if (member is null)
        {
            Db.OrganisationMembers.Add(OrganisationMember.Record(message.OrganisationId, message.PersonId, message.Role, message.OccurredAt));
        }
        else if (member.ChangedAt <= message.OccurredAt)
        {
            member.Change(message.Role, message.OccurredAt);
        }
    }
}

/// <summary>Tells the people of each suggested organisation that an idea may need them, and why.</summary>
public sealed class MatchesSuggestedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<MatchesSuggestedConsumer> logger)
    : IdempotentConsumer<MatchesSuggested, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(MatchesSuggested message, ConsumeContext<MatchesSuggested> context)
    {
        var organisations = message.Partners.Select(p => p.OrganisationId).ToList();
        var members = await Db.OrganisationMembers.AsNoTracking()
            .Where(m => organisations.Contains(m.OrganisationId) && m.Role != null).ToListAsync(context.CancellationToken);
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var partner in message.Partners)
        {
            foreach (var member in members.Where(m => m.OrganisationId == partner.OrganisationId))
            {
                Db.Notifications.Add(Notification.Create(member.PersonId, "matches-suggested",
                    $"{partner.Name} could partner on \"{message.IdeaTitle}\"",
                    partner.Reasons.Count == 0 ? "The idea matches your organisation's profile." : "Why: " + string.Join("; ", partner.Reasons),
                    $"/api/v1/ideas/{message.IdeaId}", now, Activity.Current?.TraceId.ToString()));
            }
        }
    }
}
