using CoCreation.ApiConventions;

namespace CoCreation.ApiConventions.Tests;

/// <summary>Times in requests: a wall-clock time is the city's, a time with an offset is that moment.</summary>
public sealed class CityCalendarTests
{
    private readonly CityCalendar _helsinki = new() { TimeZone = "Europe/Helsinki" };

    [Fact]
    public void A_time_without_an_offset_is_the_citys_wall_clock_in_summer_and_in_winter()
    {
        Assert.Equal(new DateTime(2027, 3, 4, 7, 0, 0, DateTimeKind.Utc), _helsinki.ToUtc(new DateTime(2027, 3, 4, 9, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(new DateTime(2027, 6, 4, 6, 0, 0, DateTimeKind.Utc), _helsinki.ToUtc(new DateTime(2027, 6, 4, 9, 0, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void A_time_in_utc_stays_and_a_stored_time_reads_back_as_the_citys()
    {
        var utc = new DateTime(2027, 3, 4, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(utc, _helsinki.ToUtc(utc));
        Assert.Equal(new DateTime(2027, 3, 4, 9, 0, 0), _helsinki.Local(utc));
    }
}
