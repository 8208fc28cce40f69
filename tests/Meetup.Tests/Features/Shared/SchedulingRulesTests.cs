using Meetup.Web.Features.Sessions;
using Meetup.Web.Features.Shared;

namespace Meetup.Tests.Features.Shared;

public class SchedulingRulesTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZones.Find("America/New_York");

    [Theory]
    [InlineData("Cloud Native Study Group Tokyo", "cloud-native-study-group-tokyo")]
    [InlineData("  Rust  &  Go!! ", "rust-go")]
    [InlineData("Café Résumé", "cafe-resume")]
    [InlineData("東京クラウドネイティブ勉強会", "")]
    [InlineData("K8s 勉強会 2026", "k8s-2026")]
    public void Slugs_come_from_the_latin_letters_and_digits_of_the_name(string name, string slug)
        => Assert.Equal(slug, Slugs.FromName(name));

    [Theory]
    [InlineData("tokyo-k8s", true)]
    [InlineData("a1", true)]
    [InlineData("Tokyo", false)]
    [InlineData("double--dash", false)]
    [InlineData("-edge", false)]
    [InlineData("sp ace", false)]
    public void Slugs_are_lower_case_words_joined_by_single_dashes(string slug, bool valid)
        => Assert.Equal(valid, Slugs.IsValid(slug));

    [Fact]
    public void A_local_time_is_read_in_the_events_time_zone()
    {
        Assert.True(LocalTime.TryParse("2026-12-16T19:30", Tokyo, out var utc, out _));
        Assert.Equal(new DateTime(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc), utc);
    }

    [Theory]
    [InlineData("2026-12-16T19:30+09:00")]
    [InlineData("2026-12-16T10:30Z")]
    [InlineData("2026-12-16T05:30-05:00")]
    public void A_time_with_an_offset_is_taken_as_given(string text)
    {
        Assert.True(LocalTime.TryParse(text, NewYork, out var utc, out _));
        Assert.Equal(new DateTime(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void A_wall_clock_time_skipped_by_daylight_saving_is_refused()
    {
        Assert.False(LocalTime.TryParse("2026-03-08T02:30", NewYork, out _, out var error));
        Assert.Equal("skipped", error);
    }

    [Fact]
    public void An_ambiguous_time_at_the_autumn_change_takes_the_earlier_instant()
    {
        Assert.True(LocalTime.TryParse("2026-11-01T01:30", NewYork, out var utc, out _));
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), utc); // 01:30 EDT
    }

    [Theory]
    [InlineData("next tuesday")]
    [InlineData("2026-13-01T19:00")]
    [InlineData("16/12/2026 19:30")]
    public void Garbage_is_not_a_date(string text)
        => Assert.False(LocalTime.TryParse(text, Tokyo, out _, out _));

    [Fact]
    public void Two_weeks_later_keeps_19_00_local_across_the_spring_change()
    {
        var start = new DateTime(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc); // Tue 3 Mar 19:00 EST

        var next = Cadence.Shift(start, NewYork, 14);

        Assert.Equal(new DateTime(2026, 3, 17, 23, 0, 0, DateTimeKind.Utc), next); // Tue 17 Mar 19:00 EDT
        Assert.Equal(new TimeSpan(19, 0, 0), TimeZones.ToLocal(next, "America/New_York").TimeOfDay);
        Assert.Equal(DayOfWeek.Tuesday, TimeZones.ToLocal(next, "America/New_York").DayOfWeek);
    }

    [Fact]
    public void A_session_that_would_land_in_the_skipped_hour_moves_just_after_it()
    {
        var start = new DateTime(2026, 3, 1, 7, 30, 0, DateTimeKind.Utc); // Sun 1 Mar 02:30 EST

        var next = Cadence.Shift(start, NewYork, 7); // Sun 8 Mar 02:30 does not exist

        Assert.Equal(new TimeSpan(3, 0, 0), TimeZones.ToLocal(next, "America/New_York").TimeOfDay);
    }

    [Theory]
    [InlineData("Kubernetes 入門 #3", 1, "Kubernetes 入門 #4")]
    [InlineData("Study #9", 3, "Study #12")]
    [InlineData("Monthly meetup", 2, "Monthly meetup")]
    [InlineData("C# night", 1, "C# night")]
    public void The_next_title_counts_on_from_a_trailing_number(string title, int step, string expected)
        => Assert.Equal(expected, SessionScheduling.NextTitle(title, step));
}
