namespace CoCreation.Ideas.Infrastructure;

/// <summary>
/// The <c>City</c> configuration section: the city's time zone, so that "a challenge closes on 30 June" means the end
/// of 30 June where the city is, not in UTC.
/// </summary>
public sealed class CityCalendar
{
    public const string SectionName = "City";

    public string TimeZone { get; set; } = "Europe/Helsinki";

    public DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
