using CoCreation.ApiConventions;

namespace CoCreation.Projects.Model;

/// <summary>The six questions of the CoSIE canvas, which a project answers before it plans anything else.</summary>
public enum CanvasQuestion
{
    Context,
    AimsAndWhy,
    Values,
    CapacitiesAndResources,
    BarriersAndContradictions,
    ToolsAndTechniques,
}

/// <summary>
/// One version of the team's answer to a canvas question. Versions are only added, never changed: the newest is the
/// answer, and the older ones show how the team's thinking moved, with who wrote each and when.
/// </summary>
public sealed class CanvasAnswer
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public CanvasQuestion Question { get; private set; }

    /// <summary>1 for the first answer, one more at each edit: the ETag that <c>If-Match</c> names (0 before any).</summary>
    public int Version { get; private set; }

    /// <summary>Markdown, checked on the way in.</summary>
    public string Text { get; private set; } = "";

    /// <summary>For <see cref="CanvasQuestion.ToolsAndTechniques"/>: codes of <see cref="CoSieTools"/> or free text.</summary>
    public List<string> Tools { get; private set; } = [];

    public string ChangedByPersonId { get; private set; } = "";

    public Guid ChangedByOrganisationId { get; private set; }

    public DateTime ChangedAt { get; private set; }

    private CanvasAnswer()
    {
    }

    /// <summary>The next version after <paramref name="previous"/> (null: the first answer).</summary>
    public static CanvasAnswer After(CanvasAnswer? previous, Guid projectId, CanvasQuestion question, string text, IReadOnlyList<string> tools,
        string personId, Guid organisationId, DateTime now)
    {
        if (tools.Count > 0 && question != CanvasQuestion.ToolsAndTechniques)
        {
            throw new InvalidFieldException("tools", "Tools belong to the tools-and-techniques question.");
        }
        return new CanvasAnswer
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            Question = question,
            Version = (previous?.Version ?? 0) + 1,
            Text = text,
            Tools = [.. tools],
            ChangedByPersonId = personId,
            ChangedByOrganisationId = organisationId,
            ChangedAt = now,
        };
    }

    /// <summary>The person is erased: the answer stays, written by a pseudonym.</summary>
    public void Pseudonymise(string pseudonym) => ChangedByPersonId = pseudonym;
}

/// <summary>The CoSIE catalogue of tools and techniques; a project may also name a tool of its own in free text.</summary>
public static class CoSieTools
{
    public static readonly IReadOnlyList<string> Catalogue =
    [
        "social-media-and-open-data",
        "community-reporting",
        "design-techniques",
        "cosmos-tool",
        "social-hackathons",
        "engagement-strategies",
    ];

    public const int FreeTextLength = 100;
}
