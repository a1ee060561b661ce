using CoCreation.IntegrationEvents;
using CoCreation.PartnerMatching.Model;

namespace CoCreation.PartnerMatching.Benchmarks;

/// <summary>
/// Organisations, environments and ideas of a realistic shape, the same for a given seed: a few themes each, a handful
/// of competences from a vocabulary of 2,000 where some are far more common than others, 30 municipalities, and one
/// organisation in twenty a city unit with real environments.
/// </summary>
public sealed class SyntheticPopulation(int seed)
{
    private static readonly string[] Themes =
        ["learning-and-teaching", "early-childhood-education", "culture-and-libraries", "museums", "sustainable-development", "well-being", "transport", "youth"];

    private static readonly string[] EnvironmentKinds = ["school", "day-care-centre", "library", "museum", "youth-centre", "other"];
    private static readonly string[] Languages = ["fi", "sv", "en"];
    private static readonly string[] Competences = [.. Enumerable.Range(0, 2_000).Select(i => $"competence-{i}")];
    private static readonly string[] Regions = [.. Enumerable.Range(0, 30).Select(i => $"municipality-{i}")];

    private readonly Random _random = new(seed);
    private readonly DateTime _now = DateTime.UtcNow;

    public (OrganisationProfile Profile, IReadOnlyList<RealEnvironment> Environments) Organisation()
    {
        var cityUnit = _random.Next(20) == 0;
        var profile = OrganisationProfile.Create(Guid.NewGuid(), new OrganisationProfileContent(
            cityUnit ? OrganisationType.CityUnit : (OrganisationType)_random.Next(6),
            $"Organisation {_random.Next():x8}", "", null,
            Pick(Competences, 2, 6, skewed: true), Pick(Competences, 0, 2, skewed: true), Pick(Themes, 1, 3), Pick(Languages, 1, 2),
            Regions[_random.Next(Regions.Length)], "contact@example.org", null, Published: _random.Next(20) != 0),
            _now.AddDays(-_random.Next(730)));
        for (var i = _random.Next(6); i > 0; i--)
        {
            profile.CountCompletedProject(profile.LastActiveAt);
        }
        IReadOnlyList<RealEnvironment> environments = cityUnit
            ? [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => RealEnvironment.Register(profile.Id,
                new EnvironmentContent(EnvironmentKinds[_random.Next(EnvironmentKinds.Length)], "Environment", "", "", [], 30, [], "", true), _now))]
            : [];
        return (profile, environments);
    }

    public MatchableIdea Idea(Guid ownerOrganisationId) => MatchableIdea.From(new IdeaPublished(
        Guid.NewGuid(), IdeaKind.Need, "An idea", "", Pick(Themes, 1, 3), Pick(EnvironmentKinds, 0, 2), Pick(Competences, 1, 4, skewed: true),
        Languages[_random.Next(Languages.Length)], "person", ownerOrganisationId, new DateTimeOffset(_now, TimeSpan.Zero)), _now);

    private List<string> Pick(string[] from, int min, int max, bool skewed = false)
    {
        var count = _random.Next(min, max + 1);
        var picked = new HashSet<string>();
        while (picked.Count < count)
        {
            picked.Add(from[skewed ? (int)(from.Length * Math.Pow(_random.NextDouble(), 2)) : _random.Next(from.Length)]);
        }
        return [.. picked];
    }
}
