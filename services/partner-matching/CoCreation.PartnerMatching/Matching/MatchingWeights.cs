namespace CoCreation.PartnerMatching.Matching;

/// <summary>
/// The <c>Matching:Weights</c> configuration section: how much each reason counts. Each component scores 0 to 1 and
/// is multiplied by its weight; with weights summing to 1 the total is 0 to 1. See docs/matching.md.
/// </summary>
public sealed class MatchingWeights
{
    public const string SectionName = "Matching:Weights";

    /// <summary>Share of the idea's themes the organisation is interested in.</summary>
    public double Themes { get; set; } = 0.30;

    /// <summary>Share of the idea's sought competences the organisation has or offers.</summary>
    public double Competences { get; set; } = 0.30;

    /// <summary>The organisation hosts a real environment of a kind the idea needs.</summary>
    public double Environment { get; set; } = 0.15;

    /// <summary>The organisation works in the idea's language.</summary>
    public double Language { get; set; } = 0.10;

    /// <summary>The organisation is in the same region as the idea's owner.</summary>
    public double Region { get; set; } = 0.05;

    /// <summary>Completed co-creation projects, full marks from three.</summary>
    public double PastCoCreation { get; set; } = 0.05;

    /// <summary>Recent activity: full marks within 30 days, none after a year.</summary>
    public double Activity { get; set; } = 0.05;
}
