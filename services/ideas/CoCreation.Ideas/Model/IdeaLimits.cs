namespace CoCreation.Ideas.Model;

/// <summary>Sizes the API validates and the database enforces: one place, so the two cannot disagree.</summary>
public static class IdeaLimits
{
    public const int TitleLength = 200;
    public const int SummaryLength = 500;
    public const int DescriptionLength = 20_000;
    public const int TagCount = 20;
    public const int TagLength = 100;
    public const int CommentLength = 5_000;
    public const int ReasonLength = 1_000;
    public const int PersonIdLength = 100;
}

/// <summary>The languages the city serves its people in.</summary>
public static class Languages
{
    public static readonly string[] All = ["fi", "sv", "en"];
}
