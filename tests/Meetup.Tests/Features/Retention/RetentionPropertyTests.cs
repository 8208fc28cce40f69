using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

/// <summary>Properties over <see cref="RandomHistories.Count"/> random histories (fixed seeds).</summary>
public class RetentionPropertyTests
{
    /// <summary>Runs <paramref name="check"/> on every random history; a failure names its seed.</summary>
    private static void ForEachHistory(Action<RetentionInput, RetentionReport> check)
    {
        foreach (var seed in RandomHistories.Seeds)
        {
            var input = RandomHistories.Generate(seed);
            try
            {
                check(input, RetentionCalculator.Compute(input));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"Seed {seed}: {e.Message}", e);
            }
        }
    }

    [Fact]
    public void Calculator_matches_the_naive_reference_on_every_figure()
        => ForEachHistory((input, report) => ReportJson.AssertMatches(
            ReportJson.Serialize(NaiveRetention.Compute(input)),
            ReportJson.Serialize(report)));

    [Fact]
    public void New_returning_and_resurrecting_add_up_to_attended()
        => ForEachHistory((_, report) =>
        {
            foreach (var row in report.Sessions)
            {
                Assert.Equal(row.Attended, row.New + row.Returning + row.Resurrecting);
            }
        });

    [Fact]
    public void Dormant_and_returning_add_up_to_the_previous_attendance()
        => ForEachHistory((input, report) =>
        {
            var all = RetentionCalculator.Compute(input with { From = null, To = null }).Sessions;
            for (var i = 1; i < all.Count; i++)
            {
                Assert.Equal(all[i - 1].Attended, all[i].Dormant + all[i].Returning);
            }
        });

    [Fact]
    public void Every_cohort_starts_at_one()
        => ForEachHistory((_, report) =>
        {
            foreach (var cohort in report.Cohorts)
            {
                Assert.Equal(1.0, cohort.Exact[0]);
                Assert.Equal(1.0, cohort.OnOrAfter[0]);
            }
        });

    [Fact]
    public void OnOrAfter_never_increases_and_is_at_least_exact()
        => ForEachHistory((_, report) =>
        {
            foreach (var cohort in report.Cohorts)
            {
                for (var k = 1; k < cohort.OnOrAfter.Count; k++)
                {
                    Assert.True(cohort.OnOrAfter[k] <= cohort.OnOrAfter[k - 1], $"cohort {cohort.Index}, k = {k}");
                    Assert.True(cohort.Exact[k] <= cohort.OnOrAfter[k], $"cohort {cohort.Index}, k = {k}");
                }
            }
        });

    [Fact]
    public void Attendee_counts_agree_with_the_session_rows()
        => ForEachHistory((input, report) =>
        {
            var all = RetentionCalculator.Compute(input with { From = null, To = null });
            Assert.Equal(all.Sessions.Sum(s => s.Attended), report.Attendees.Sum(a => a.Attended));
            Assert.Equal(all.Sessions.Sum(s => s.New), report.Attendees.Count);
            Assert.Equal(all.Overall.UniqueAttendees, report.Attendees.Count);
        });

    [Fact]
    public void Date_range_only_chooses_the_session_rows_and_what_overall_sums()
        => ForEachHistory((input, ranged) =>
        {
            var full = RetentionCalculator.Compute(input with { From = null, To = null });
            var shown = full.Sessions.Where(row => InRange(input, row.StartsAt)).ToList();

            ReportJson.AssertMatches(ReportJson.Serialize(full with { Overall = ranged.Overall, Sessions = shown }), ReportJson.Serialize(ranged));
            Assert.Equal(shown.Count, ranged.Overall.CountedSessions);
            // Overall rates are the rows' rates weighted by their denominators.
            AssertClose(WeightedMean(shown, r => r.ReturnRate, r => r.Attended), ranged.Overall.ReturnRate);
            AssertClose(WeightedMean(shown, r => r.FirstTimerReturnRate, r => r.New), ranged.Overall.FirstTimerReturnRate);
        });

    private static bool InRange(RetentionInput input, DateTime startsAt)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startsAt, input.TimeZone));
        return (input.From is null || date >= input.From) && (input.To is null || date <= input.To);
    }

    private static double? WeightedMean(List<RetentionSessionRow> rows, Func<RetentionSessionRow, double?> rate, Func<RetentionSessionRow, int> weight)
    {
        var defined = rows.Where(r => rate(r) is not null).ToList();
        var total = defined.Sum(weight);
        return total == 0 ? null : defined.Sum(r => rate(r)!.Value * weight(r)) / total;
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.Equal(expected.Value, actual!.Value, ReportJson.Tolerance);
        }
    }
}
