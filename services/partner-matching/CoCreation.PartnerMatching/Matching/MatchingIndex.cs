using System.Buffers;
using CoCreation.IntegrationEvents;
using CoCreation.PartnerMatching.Model;
using Microsoft.Extensions.Options;

namespace CoCreation.PartnerMatching.Matching;

/// <summary>
/// The in-memory matching index: every published organisation and every open idea, with inverted lists from each
/// theme, competence and environment kind to the organisations (and ideas) that have it. A query visits only the
/// lists of the idea's own terms, counts overlaps in pooled arrays, and keeps the best K in a small heap: it never
/// scores the whole population, and it never touches the database. <see cref="MatchingIndexRefresher"/> keeps it
/// current from the tables the API and the event consumers write.
/// </summary>
public sealed class MatchingIndex(IOptions<MatchingWeights> weights, TimeProvider clock) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();

    // A pool of our own: arrays come back zeroed where we wrote, which the shared pool (used by Kestrel) does not promise.
    private readonly ArrayPool<byte> _hitArrays = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 16);
    private readonly ArrayPool<int> _slotArrays = ArrayPool<int>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 16);
    private readonly Terms _terms = new();

    private readonly Dictionary<Guid, int> _organisationSlots = [];
    private readonly List<OrganisationEntry?> _organisations = [];
    private readonly List<List<int>> _organisationsByTheme = [];
    private readonly List<List<int>> _organisationsByCompetence = [];
    private readonly List<List<int>> _organisationsByEnvironment = [];

    private readonly Dictionary<Guid, int> _ideaSlots = [];
    private readonly List<IdeaEntry?> _ideas = [];
    private readonly List<List<int>> _ideasByTheme = [];
    private readonly List<List<int>> _ideasByCompetence = [];
    private readonly List<List<int>> _ideasByEnvironment = [];

    /// <summary>Environments by id: which organisation hosts which kind, so hosted kinds follow environment changes.</summary>
    private readonly Dictionary<Guid, (Guid Organisation, string Kind)> _environments = [];
    private readonly Dictionary<Guid, Dictionary<string, int>> _hostedKinds = [];

    public void Dispose() => _lock.Dispose();

    public int OrganisationCount
    {
        get
        {
            _lock.EnterReadLock();
            try { return _organisationSlots.Count; } finally { _lock.ExitReadLock(); }
        }
    }

    public void Upsert(OrganisationProfile profile)
    {
        _lock.EnterWriteLock();
        try
        {
            RemoveOrganisation(profile.Id);
            if (!profile.Published)
            {
                return;
            }
            var entry = new OrganisationEntry(
                profile.Id, profile.Name, profile.Type,
                _terms.IdsOf(profile.Themes), _terms.IdsOf(profile.Competences.Concat(profile.Offers).Select(Normalise).Distinct()),
                LanguageMask(profile.Languages), _terms.IdOf(Normalise(profile.Region)), profile.CompletedProjects, profile.LastActiveAt);
            var slot = _organisations.Count;
            _organisations.Add(entry);
            _organisationSlots[profile.Id] = slot;
            Post(_organisationsByTheme, entry.Themes, slot);
            Post(_organisationsByCompetence, entry.Competences, slot);
            Post(_organisationsByEnvironment, HostedKindIds(profile.Id), slot);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Upsert(RealEnvironment environment)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_environments.Remove(environment.Id, out var previous))
            {
                ChangeHostedKind(previous.Organisation, previous.Kind, -1);
            }
            if (environment.Published)
            {
                _environments[environment.Id] = (environment.OwnerOrganisationId, environment.Kind);
                ChangeHostedKind(environment.OwnerOrganisationId, environment.Kind, +1);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Upsert(MatchableIdea idea)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_ideaSlots.Remove(idea.IdeaId, out var old))
            {
                var previous = _ideas[old]!;
                Unpost(_ideasByTheme, previous.Themes, old);
                Unpost(_ideasByCompetence, previous.Competences, old);
                Unpost(_ideasByEnvironment, previous.Environments, old);
                _ideas[old] = null;
            }
            if (!idea.OpenForPartners)
            {
                return;
            }
            var entry = ToEntry(idea, addNewTerms: true);
            var slot = _ideas.Count;
            _ideas.Add(entry);
            _ideaSlots[idea.IdeaId] = slot;
            Post(_ideasByTheme, entry.Themes, slot);
            Post(_ideasByCompetence, entry.Competences, slot);
            Post(_ideasByEnvironment, entry.Environments, slot);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="count"/> organisations for an idea, best first, each with its reasons.</summary>
    public IReadOnlyList<Match> TopPartnersFor(MatchableIdea idea, int count)
    {
        _lock.EnterReadLock();
        try
        {
            var query = ToEntry(idea, addNewTerms: false);
            var now = clock.GetUtcNow().UtcDateTime;
            var owner = _organisationSlots.TryGetValue(idea.OwnerOrganisationId, out var ownerSlot) ? _organisations[ownerSlot] : null;
            var best = Rank(_organisations.Count, query.Themes, query.Competences, query.Environments,
                _organisationsByTheme, _organisationsByCompetence, _organisationsByEnvironment,
                slot => _organisations[slot] is { } o && o.Id != idea.OwnerOrganisationId
                    ? ExtrasScore(o, query.LanguageMask, owner?.Region ?? -1, now) : null,
                _ => (query.ThemeCount, query.CompetenceCount),
                count);
            return [.. best.Select(b => Explain(query, _organisations[b.Slot]!, owner))];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The best <paramref name="count"/> open ideas for an organisation, best first, each with its reasons.</summary>
    public IReadOnlyList<IdeaRecommendation> RecommendedIdeasFor(Guid organisationId, int count)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_organisationSlots.TryGetValue(organisationId, out var slot))
            {
                return [];
            }
            var organisation = _organisations[slot]!;
            var hosted = HostedKindIds(organisationId);
            var now = clock.GetUtcNow().UtcDateTime;
            var best = Rank(_ideas.Count, organisation.Themes, organisation.Competences, hosted,
                _ideasByTheme, _ideasByCompetence, _ideasByEnvironment,
                ideaSlot => _ideas[ideaSlot] is { } i && i.OwnerOrganisationId != organisationId
                    ? ExtrasScore(organisation, i.LanguageMask, OwnerRegion(i), now) : null,
                // The shares are always of the idea's own themes and competences, as in the forward direction.
                ideaSlot => (_ideas[ideaSlot]!.ThemeCount, _ideas[ideaSlot]!.CompetenceCount),
                count);
            return [.. best.Select(b =>
            {
                var idea = _ideas[b.Slot]!;
                var owner = _organisationSlots.TryGetValue(idea.OwnerOrganisationId, out var o) ? _organisations[o] : null;
                var match = Explain(idea, organisation, owner);
                return new IdeaRecommendation(idea.Id, idea.Title, idea.Kind, match.Score, match.Components);
            })];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The candidates are everyone on the lists of the query's terms; each gets its overlap counts in pooled arrays,
    /// then its total (with the extras that need no list), and the best K survive in a min-heap.
    /// </summary>
    private List<(int Slot, double Score)> Rank(
        int population, int[] themes, int[] competences, int[] environments,
        List<List<int>> byTheme, List<List<int>> byCompetence, List<List<int>> byEnvironment,
        Func<int, double?> extras, Func<int, (int Themes, int Competences)> denominators, int count)
    {
        var themeHits = _hitArrays.Rent(population);
        var competenceHits = _hitArrays.Rent(population);
        var environmentHits = _hitArrays.Rent(population);
        var touched = _slotArrays.Rent(population);
        var touchedCount = 0;
        try
        {
            void Count(byte[] hits, List<List<int>> lists, int[] termIds)
            {
                foreach (var term in termIds)
                {
                    if (term >= lists.Count)
                    {
                        continue;
                    }
                    foreach (var slot in lists[term])
                    {
                        if (themeHits[slot] == 0 && competenceHits[slot] == 0 && environmentHits[slot] == 0)
                        {
                            touched[touchedCount++] = slot;
                        }
                        if (hits[slot] < byte.MaxValue)
                        {
                            hits[slot]++;
                        }
                    }
                }
            }
            Count(themeHits, byTheme, themes);
            Count(competenceHits, byCompetence, competences);
            Count(environmentHits, byEnvironment, environments);

            var w = weights.Value;
            var heap = new PriorityQueue<int, (double Score, int Slot)>(count + 1);
            for (var i = 0; i < touchedCount; i++)
            {
                var slot = touched[i];
                if (extras(slot) is not { } extra)
                {
                    continue;
                }
                var (themeCount, competenceCount) = denominators(slot);
                var score = extra
                    + (themeCount == 0 ? 0 : w.Themes * Math.Min(1.0, themeHits[slot] / (double)themeCount))
                    + (competenceCount == 0 ? 0 : w.Competences * Math.Min(1.0, competenceHits[slot] / (double)competenceCount))
                    + (environmentHits[slot] > 0 ? w.Environment : 0);
                // Only a candidate better than the worst of the best K so far enters the heap.
                if (heap.Count < count)
                {
                    heap.Enqueue(slot, (score, -slot));
                }
                else if (heap.TryPeek(out _, out var worst) && (score, -slot).CompareTo(worst) > 0)
                {
                    heap.DequeueEnqueue(slot, (score, -slot));
                }
            }
            var best = new List<(int Slot, double Score)>(heap.Count);
            while (heap.TryDequeue(out var slot, out var priority))
            {
                best.Add((slot, priority.Score));
            }
            best.Reverse();
            return best;
        }
        finally
        {
            for (var i = 0; i < touchedCount; i++)
            {
                var slot = touched[i];
                themeHits[slot] = competenceHits[slot] = environmentHits[slot] = 0;
            }
            _slotArrays.Return(touched);
            _hitArrays.Return(themeHits);
            _hitArrays.Return(competenceHits);
            _hitArrays.Return(environmentHits);
        }
    }

    /// <summary>Language, region, past co-creation and activity: the parts of the score that need no inverted list.</summary>
    private double ExtrasScore(OrganisationEntry organisation, int ideaLanguageMask, int ownerRegion, DateTime now)
    {
        var w = weights.Value;
        return ((organisation.LanguageMask & ideaLanguageMask) != 0 ? w.Language : 0)
            + (ownerRegion >= 0 && organisation.Region == ownerRegion ? w.Region : 0)
            + w.PastCoCreation * PastCoCreationValue(organisation.CompletedProjects)
            + w.Activity * ActivityValue(organisation.LastActiveAt, now);
    }

    /// <summary>The full breakdown for one pair: each component's weight, value, points and the items that matched.</summary>
    private Match Explain(IdeaEntry idea, OrganisationEntry organisation, OrganisationEntry? owner)
    {
        var w = weights.Value;
        var hosted = HostedKindIds(organisation.Id);
        var sharedThemes = idea.Themes.Intersect(organisation.Themes).ToArray();
        var sharedCompetences = idea.Competences.Intersect(organisation.Competences).ToArray();
        var hostedKinds = idea.Environments.Intersect(hosted).ToArray();
        var sameLanguage = (organisation.LanguageMask & idea.LanguageMask) != 0;
        var sameRegion = owner is not null && owner.Region >= 0 && owner.Region == organisation.Region;
        List<MatchComponent> components =
        [
            Component(MatchFactor.Themes, w.Themes, idea.ThemeCount == 0 ? 0 : sharedThemes.Length / (double)idea.ThemeCount, _terms.Names(sharedThemes)),
            Component(MatchFactor.Competences, w.Competences, idea.CompetenceCount == 0 ? 0 : sharedCompetences.Length / (double)idea.CompetenceCount, _terms.Names(sharedCompetences)),
            Component(MatchFactor.Environment, w.Environment, hostedKinds.Length > 0 ? 1 : 0, _terms.Names(hostedKinds)),
            Component(MatchFactor.Language, w.Language, sameLanguage ? 1 : 0, sameLanguage ? [LanguageName(idea.LanguageMask)] : []),
            Component(MatchFactor.Region, w.Region, sameRegion ? 1 : 0, sameRegion ? _terms.Names([organisation.Region]) : []),
            Component(MatchFactor.PastCoCreation, w.PastCoCreation, PastCoCreationValue(organisation.CompletedProjects),
                organisation.CompletedProjects > 0 ? [$"{organisation.CompletedProjects} completed projects"] : []),
            Component(MatchFactor.Activity, w.Activity, ActivityValue(organisation.LastActiveAt, clock.GetUtcNow().UtcDateTime), [$"last active {organisation.LastActiveAt:yyyy-MM-dd}"]),
        ];
        return new Match(organisation.Id, organisation.Name, organisation.Type, Math.Round(components.Sum(c => c.Points), 4), components);
    }

    private static MatchComponent Component(MatchFactor factor, double weight, double value, IReadOnlyList<string> matched) =>
        new(factor, weight, Math.Round(value, 4), Math.Round(weight * value, 4), matched);

    private static double PastCoCreationValue(int completedProjects) => Math.Min(1.0, completedProjects / 3.0);

    private static double ActivityValue(DateTime lastActiveAt, DateTime now)
    {
        var days = (now - lastActiveAt).TotalDays;
        return days <= 30 ? 1 : days >= 365 ? 0 : 1 - ((days - 30) / 335);
    }

    private int OwnerRegion(IdeaEntry idea) =>
        _organisationSlots.TryGetValue(idea.OwnerOrganisationId, out var slot) ? _organisations[slot]!.Region : -1;

    /// <summary>
    /// An idea as term ids. A query (under the read lock) only looks terms up: a term no one has matches no one, but
    /// still counts in the share of the idea's themes or competences that are met.
    /// </summary>
    private IdeaEntry ToEntry(MatchableIdea idea, bool addNewTerms)
    {
        var competences = idea.SoughtCompetences.Select(Normalise).Distinct().ToList();
        var themes = idea.Themes.Distinct().ToList();
        return new IdeaEntry(
            idea.IdeaId, idea.Title, idea.Kind,
            _terms.IdsOf(themes, addNewTerms), themes.Count,
            _terms.IdsOf(competences, addNewTerms), competences.Count,
            _terms.IdsOf(idea.Environments, addNewTerms), LanguageMask([idea.Language]), idea.OwnerOrganisationId);
    }

    private void RemoveOrganisation(Guid id)
    {
        if (_organisationSlots.Remove(id, out var slot))
        {
            var entry = _organisations[slot]!;
            Unpost(_organisationsByTheme, entry.Themes, slot);
            Unpost(_organisationsByCompetence, entry.Competences, slot);
            Unpost(_organisationsByEnvironment, HostedKindIds(id), slot);
            _organisations[slot] = null;
        }
    }

    private void ChangeHostedKind(Guid organisationId, string kind, int delta)
    {
        var kindId = _terms.IdOf(kind); // registered here, under the write lock, so readers only look it up
        var kinds = _hostedKinds.TryGetValue(organisationId, out var existing) ? existing : _hostedKinds[organisationId] = [];
        var before = kinds.GetValueOrDefault(kind);
        var after = Math.Max(0, before + delta);
        kinds[kind] = after;
        if (_organisationSlots.TryGetValue(organisationId, out var slot) && (before == 0) != (after == 0))
        {
            if (after > 0)
            {
                Post(_organisationsByEnvironment, [kindId], slot);
            }
            else
            {
                Unpost(_organisationsByEnvironment, [kindId], slot);
            }
        }
    }

    private int[] HostedKindIds(Guid organisationId) =>
        _hostedKinds.TryGetValue(organisationId, out var kinds) ? _terms.IdsOf(kinds.Where(k => k.Value > 0).Select(k => k.Key), addNewTerms: false) : [];

    private static void Post(List<List<int>> lists, int[] terms, int slot)
    {
        foreach (var term in terms)
        {
            while (lists.Count <= term)
            {
                lists.Add([]);
            }
            lists[term].Add(slot);
        }
    }

    private static void Unpost(List<List<int>> lists, int[] terms, int slot)
    {
        foreach (var term in terms.Where(t => t < lists.Count))
        {
            lists[term].Remove(slot);
        }
    }

    private static string Normalise(string term) => term.Trim().ToLowerInvariant();

    private static readonly string[] LanguageCodes = ["fi", "sv", "en"];

    private static int LanguageMask(IEnumerable<string> languages)
    {
        var mask = 0;
        foreach (var language in languages)
        {
            var index = Array.IndexOf(LanguageCodes, language);
            mask |= index >= 0 ? 1 << index : 0;
        }
        return mask;
    }

    private static string LanguageName(int mask) => LanguageCodes.Where((_, i) => (mask & (1 << i)) != 0).FirstOrDefault() ?? "";

    private sealed record OrganisationEntry(
        Guid Id, string Name, OrganisationType Type, int[] Themes, int[] Competences, int LanguageMask, int Region, int CompletedProjects, DateTime LastActiveAt);

    private sealed record IdeaEntry(
        Guid Id, string Title, IdeaKind Kind, int[] Themes, int ThemeCount, int[] Competences, int CompetenceCount, int[] Environments, int LanguageMask,
        Guid OwnerOrganisationId);

    /// <summary>Every term (theme, competence, environment kind, region) once, as a small integer.</summary>
    private sealed class Terms
    {
        private readonly Dictionary<string, int> _ids = [];
        private readonly List<string> _names = [];

        public int IdOf(string term)
        {
            if (term.Length == 0)
            {
                return -1;
            }
            if (!_ids.TryGetValue(term, out var id))
            {
                id = _names.Count;
                _ids[term] = id;
                _names.Add(term);
            }
            return id;
        }

        public int[] IdsOf(IEnumerable<string> terms, bool addNewTerms = true) =>
            [.. terms.Select(t => addNewTerms ? IdOf(t) : _ids.GetValueOrDefault(t, -1)).Where(id => id >= 0).Distinct()];

        public IReadOnlyList<string> Names(IEnumerable<int> ids) => [.. ids.Where(id => id >= 0).Select(id => _names[id])];
    }
}

public enum MatchFactor
{
    Themes,
    Competences,
    Environment,
    Language,
    Region,
    PastCoCreation,
    Activity,
}

/// <summary>One reason in a score: its weight, how well it is met (0 to 1), the points it gives, and what matched.</summary>
public sealed record MatchComponent(MatchFactor Factor, double Weight, double Value, double Points, IReadOnlyList<string> Matched);

public sealed record Match(Guid OrganisationId, string Name, OrganisationType Type, double Score, IReadOnlyList<MatchComponent> Components);

public sealed record IdeaRecommendation(Guid IdeaId, string Title, IdeaKind Kind, double Score, IReadOnlyList<MatchComponent> Components);
