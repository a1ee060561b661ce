using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using CoCreation.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Apis;

/// <summary>
/// Who may see and change what. Reading: anyone sees public, unhidden ideas; the owner organisation also sees its
/// drafts and its hidden ideas; moderators see everything. Changing content and status: the owner organisation only.
/// Hiding, unhiding and archiving: moderators only.
/// </summary>
public static class IdeaRules
{
    public static bool CanSee(Idea idea, ActingParty? actor) =>
        actor is { IsModerator: true }
        || (actor is not null && actor.ActsFor(idea.OwnerOrganisationId) && idea.Status != IdeaStatus.Archived)
        || (!idea.IsHidden && Idea.PublicStatuses.Contains(idea.Status));

    /// <summary>The idea if the actor may see it, or null (answered as 404, so hidden ids cannot be probed).</summary>
    public static async Task<Idea?> FindVisibleAsync(IdeasDbContext db, Guid id, ActingParty? actor, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Ideas : db.Ideas.AsNoTracking();
        var idea = await query.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return idea is not null && CanSee(idea, actor) ? idea : null;
    }

    /// <summary>Every code must be a current (not retired) term of its facet; a bad one is a 400 naming the field.</summary>
    public static async Task CheckTaxonomyAsync(IdeasDbContext db, CancellationToken cancellationToken, params TaxonomyField[] fields)
    {
        if (fields.All(f => f.Codes.Count == 0))
        {
            return;
        }
        var current = await db.TaxonomyTerms.AsNoTracking().Where(t => !t.Retired).Select(t => new { t.Facet, t.Code }).ToListAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        foreach (var field in fields)
        {
            var known = current.Where(t => t.Facet == field.Facet).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            var unknown = field.Codes.Where(c => !known.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                errors[field.Name] = [$"Unknown {field.Facet.ToKebabCase()}: {string.Join(", ", unknown)}. See GET /api/v1/taxonomy for the codes."];
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidFieldException(errors);
        }
    }

    /// <summary>An idea that newly answers a challenge needs the challenge to exist and be open today.</summary>
    public static async Task CheckChallengeAcceptsAnswersAsync(IdeasDbContext db, Guid challengeId, DateOnly today, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challengeId, cancellationToken)
            ?? throw new InvalidFieldException("challengeId", $"There is no challenge with id {challengeId}.");
        challenge.EnsureAcceptsAnswers(today);
    }

    /// <summary>Checks what only the database can tell about new or changed content.</summary>
    public static async Task CheckContentAsync(IdeasDbContext db, IdeaContent content, Guid? previousChallengeId, DateOnly today, CancellationToken cancellationToken)
    {
        await CheckTaxonomyAsync(db, cancellationToken,
            new("themes", TaxonomyFacet.Theme, content.Themes),
            new("environments", TaxonomyFacet.Environment, content.Environments),
            new("ageGroups", TaxonomyFacet.AgeGroup, content.AgeGroups));
        if (content.ChallengeId is { } challengeId && challengeId != previousChallengeId)
        {
            await CheckChallengeAcceptsAnswersAsync(db, challengeId, today, cancellationToken);
        }
    }
}

/// <summary>A request field holding taxonomy codes of one facet.</summary>
public sealed record TaxonomyField(string Name, TaxonomyFacet Facet, IReadOnlyList<string> Codes);
