namespace CoCreation.PartnerMatching.Model;

/// <summary>
/// An organisation's public profile: who it is, what it can do and offer, what it cares about. Its id is the
/// organisation's id, so there is one profile per organisation. Only published profiles are found and matched.
/// </summary>
public sealed class OrganisationProfile
{
    public Guid Id { get; private set; }

    public OrganisationType Type { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Markdown, checked by SafeMarkdown on the way in.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The Finnish business ID (Y-tunnus), when the organisation has one; its check digit is verified.</summary>
    public string? BusinessId { get; private set; }

    public List<string> Competences { get; private set; } = [];

    public List<string> Offers { get; private set; } = [];

    /// <summary>Theme codes of the ideas taxonomy.</summary>
    public List<string> Themes { get; private set; } = [];

    public List<string> Languages { get; private set; } = [];

    /// <summary>Municipality or region, as people write it ("Espoo").</summary>
    public string Region { get; private set; } = "";

    public string ContactChannel { get; private set; } = "";

    public string? Website { get; private set; }

    public bool Published { get; private set; }

    /// <summary>Projects it has completed with others: past co-creation counts in matching.</summary>
    public int CompletedProjects { get; private set; }

    /// <summary>When it last did something here (edited its profile, showed interest, completed a project).</summary>
    public DateTime LastActiveAt { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The matching index reads changes since its last look by this column.</summary>
    public DateTime UpdatedAt { get; private set; }

    private OrganisationProfile()
    {
    }

    public static OrganisationProfile Create(Guid organisationId, OrganisationProfileContent content, DateTime now)
    {
        var profile = new OrganisationProfile { Id = organisationId, CreatedAt = now, Version = 0 };
        profile.Apply(content, now);
        return profile;
    }

    public void Update(OrganisationProfileContent content, DateTime now) => Apply(content, now);

    public void CountCompletedProject(DateTime now)
    {
        CompletedProjects++;
        Touch(now);
    }

    public void Touch(DateTime now)
    {
        LastActiveAt = now;
        UpdatedAt = now;
    }

    private void Apply(OrganisationProfileContent content, DateTime now)
    {
        Type = content.Type;
        Name = content.Name;
        Description = content.Description;
        BusinessId = content.BusinessId;
        Competences = [.. content.Competences];
        Offers = [.. content.Offers];
        Themes = [.. content.Themes];
        Languages = [.. content.Languages];
        Region = content.Region;
        ContactChannel = content.ContactChannel;
        Website = content.Website;
        Published = content.Published;
        Version++;
        Touch(now);
    }
}

public sealed record OrganisationProfileContent(
    OrganisationType Type,
    string Name,
    string Description,
    string? BusinessId,
    IReadOnlyList<string> Competences,
    IReadOnlyList<string> Offers,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Languages,
    string Region,
    string ContactChannel,
    string? Website,
    bool Published);

public enum OrganisationType
{
    Company,
    Association,
    ResearchInstitute,
    EducationalInstitution,
    CityUnit,
    ResidentsGroup,
}

/// <summary>The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.</summary>
public static class FinnishBusinessId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2];

    /// <summary>True for a well-formed ID whose check digit is right, such as 0737546-2 or 2617416-4.</summary>
    public static bool IsValid(string value)
    {
        if (value.Length != 9 || value[7] != '-' || !value.Where((_, i) => i != 7).All(char.IsAsciiDigit))
        {
            return false;
        }
        var remainder = Weights.Select((weight, i) => weight * (value[i] - '0')).Sum() % 11;
        if (remainder == 1)
        {
            return false; // no valid ID has this remainder
        }
        var check = remainder == 0 ? 0 : 11 - remainder;
        return value[8] - '0' == check;
    }
}

/// <summary>A rule kept here so the API and the model agree: an http(s) address, or nothing.</summary>
public static class WebAddress
{
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
