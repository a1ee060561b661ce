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

    /// <summary>Times a request may name: a city's plans, not the year 1 or 9999.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// <see cref="ToUtc(DateTime)"/> for a request's field: a wall-clock time the city's clocks skip (the spring
    /// change), or a time outside <see cref="Earliest"/>–<see cref="Latest"/>, is a 400 naming <paramref name="field"/>.
    /// </summary>
    public DateTime ToUtc(DateTime time, string field)
    {
        if (time.Kind == DateTimeKind.Unspecified && time > DateTime.MinValue.AddDays(2) && time < DateTime.MaxValue.AddDays(-2) && Zone.IsInvalidTime(time))
        {
            throw new InvalidFieldException(field,
                $"{time:yyyy-MM-dd'T'HH:mm} does not exist in {TimeZone}: the clocks skip that hour. Give a time outside it, or one with its offset.");
        }
        var utc = time < Earliest.AddDays(-2) || time > Latest.AddDays(2) ? time : ToUtc(time);
        if (utc < Earliest || utc > Latest)
        {
            throw new InvalidFieldException(field, $"Give a time between {Earliest:yyyy} and {Latest:yyyy}.");
        }
        return utc;
    }

    /// <summary>A stored UTC time as the city's wall-clock time.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
