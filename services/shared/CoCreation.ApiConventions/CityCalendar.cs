namespace CoCreation.ApiConventions;

/// <summary>
/// The <c>City</c> configuration section: the city's name and time zone, so that "a challenge closes on 30 June" means
/// the end of 30 June where the city is, and "the workshop starts at 9" means 9 o'clock there, not in UTC.
/// </summary>
public sealed class CityCalendar
{
    public const string SectionName = "City";

    /// <summary>The city as its co-creation references name it, such as "City of Espoo" (set it: the default only says it is unset).</summary>
    public string Name { get; set; } = "Demo City";

    public string TimeZone { get; set; } = "Europe/Helsinki";

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>
    /// A time from a request as UTC: one without an offset is the city's wall-clock time; one with an offset (or Z)
    /// is that moment already.
    /// </summary>
    public DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => TimeZoneInfo.ConvertTimeToUtc(time, Zone),
    };

    /// <summary>A stored UTC time as the city's wall-clock time.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
