using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

public class DashboardRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_the_day_before_the_range()
    {
        var range = new DashboardRange(new DateOnly(2018, 10, 1), new DateOnly(2018, 10, 31));

        Assert.Equal(new PreviousPeriod(new DateOnly(2018, 8, 31), new DateOnly(2018, 9, 30)), range.Previous(Today));
    }

    [Fact]
    public void An_open_end_counts_up_to_today()
    {
        var range = new DashboardRange(new DateOnly(2026, 11, 1), null);

        Assert.Equal(new PreviousPeriod(new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 31)), range.Previous(Today)); // 26 days each
    }

    [Fact]
    public void All_history_and_a_range_without_a_start_have_nothing_before_them()
    {
        Assert.Null(DashboardRange.AllHistory.Previous(Today));
        Assert.Null(new DashboardRange(null, new DateOnly(2019, 12, 31)).Previous(Today));
    }

    [Fact]
    public void Last_six_months_ends_today_and_is_recognised_as_that_preset_only_on_the_same_day()
    {
        var range = DashboardRange.For(RangePreset.Last6Months, Today, default);

        Assert.Equal(new DashboardRange(new DateOnly(2026, 5, 27), Today), range);
        Assert.Equal(RangePreset.Last6Months, range.PresetOn(Today));
        Assert.Equal(RangePreset.Custom, range.PresetOn(Today.AddDays(1)));
        Assert.Equal(RangePreset.Last12Months, DashboardRange.LastMonths(12, Today).PresetOn(Today));
        Assert.Equal(RangePreset.AllHistory, DashboardRange.AllHistory.PresetOn(Today));
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31")]
    [InlineData("2019-01-01", null, "2019-01-01", null)]
    [InlineData("yesterday", "2019-12-31", null, "2019-12-31")]
    [InlineData("2019-12-31", "2019-01-01", null, null)] // reversed: all history rather than an error
    [InlineData("2019-02-30", "<script>", null, null)]
    public void Query_values_parse_to_a_range_and_anything_unreadable_is_ignored(string? from, string? to, string? expectedFrom, string? expectedTo)
    {
        var range = DashboardRange.Parse(from, to);

        Assert.Equal(expectedFrom is null ? null : DateOnly.Parse(expectedFrom, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(expectedTo is null ? null : DateOnly.Parse(expectedTo, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Fact]
    public void A_range_round_trips_through_its_query_string()
    {
        var range = new DashboardRange(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));

        Assert.Equal("?from=2019-01-01&to=2019-12-31", range.ToQuery());
        Assert.Equal("", DashboardRange.AllHistory.ToQuery());
        Assert.Equal(range, DashboardRange.Parse("2019-01-01", "2019-12-31"));
    }

    [Fact]
    public void The_previous_period_ends_at_local_midnight_of_the_ranges_first_day()
    {
        var period = new PreviousPeriod(new DateOnly(2018, 8, 31), new DateOnly(2018, 9, 30));

        Assert.Equal(new DateTimeOffset(2018, 9, 30, 15, 0, 0, TimeSpan.Zero), period.AsOf(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
    }

    [Fact]
    public void Where_clocks_skip_midnight_the_period_ends_at_the_first_local_time_that_exists()
    {
        // Chile springs forward at midnight: 2024-09-08 begins at 01:00 (−03:00).
        var period = new PreviousPeriod(new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 7));

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 4, 0, 0, TimeSpan.Zero), period.AsOf(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago")));
    }
}
