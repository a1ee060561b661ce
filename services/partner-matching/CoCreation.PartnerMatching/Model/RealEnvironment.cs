namespace CoCreation.PartnerMatching.Model;

/// <summary>
/// A real place a city unit can host co-creation in: a school, a day-care centre, a library, a museum. Its kind is a
/// code of the environment taxonomy; its availability windows say when a project can use it.
/// </summary>
public sealed class RealEnvironment
{
    public Guid Id { get; private set; }

    public Guid OwnerOrganisationId { get; private set; }

    public string Kind { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>District or municipality ("Tapiola, Espoo").</summary>
    public string Area { get; private set; } = "";

    public List<string> AgeGroups { get; private set; } = [];

    /// <summary>How many people it takes at once.</summary>
    public int Capacity { get; private set; }

    public List<AvailabilityWindow> Availability { get; private set; } = [];

    /// <summary>House rules a project must follow (Markdown).</summary>
    public string Rules { get; private set; } = "";

    public bool Published { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    private RealEnvironment()
    {
    }

    public static RealEnvironment Register(Guid ownerOrganisationId, EnvironmentContent content, DateTime now)
    {
        var environment = new RealEnvironment { Id = Guid.CreateVersion7(), OwnerOrganisationId = ownerOrganisationId, CreatedAt = now };
        environment.Apply(content, now);
        return environment;
    }

    public void Update(EnvironmentContent content, DateTime now) => Apply(content, now);

    public bool IsAvailableOn(DateOnly day) => Availability.Any(w => w.From <= day && day <= w.To);

    private void Apply(EnvironmentContent content, DateTime now)
    {
        Kind = content.Kind;
        Name = content.Name;
        Address = content.Address;
        Area = content.Area;
        AgeGroups = [.. content.AgeGroups];
        Capacity = content.Capacity;
        Availability = [.. content.Availability.OrderBy(w => w.From)];
        Rules = content.Rules;
        Published = content.Published;
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>Days the environment can host, first to last inclusive.</summary>
public sealed record AvailabilityWindow(DateOnly From, DateOnly To);

public sealed record EnvironmentContent(
    string Kind,
    string Name,
    string Address,
    string Area,
    IReadOnlyList<string> AgeGroups,
    int Capacity,
    IReadOnlyList<AvailabilityWindow> Availability,
    string Rules,
    bool Published);
