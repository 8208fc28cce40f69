using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>The dashboard's data read during prerendering is handed to that page load's interactive render, and to nothing else.</summary>
public class DashboardHandOverTests
{
    private static readonly DashboardRange Year2019 = new(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_interactive_render_takes_the_data_its_prerender_started_reading()
    {
        var handOver = new DashboardHandOver(_time);
        var loads = 0;
        var data = Data(7, Year2019);
        var token = handOver.Start("organizer-1", 7, Year2019, _ =>
        {
            loads++;
            return Task.FromResult<DashboardData?>(data);
        });

        var taken = handOver.Take(token, "organizer-1", 7, Year2019, CancellationToken.None);

        Assert.NotNull(taken);
        Assert.Same(data, await taken);
        Assert.Equal(1, loads);
    }

    [Fact]
    public void Another_user_event_or_range_gets_nothing_and_the_read_is_cancelled()
    {
        var handOver = new DashboardHandOver(_time);
        foreach (var (user, eventId, range) in new[] { ("organizer-2", 7, Year2019), ("organizer-1", 8, Year2019), ("organizer-1", 7, DashboardRange.AllHistory) })
        {
            var read = new Read();
            var token = handOver.Start("organizer-1", 7, Year2019, read.RunAsync);

            Assert.Null(handOver.Take(token, user, eventId, range, CancellationToken.None));
            Assert.True(read.Cancelled);
            // Nor can the right user take it afterwards: a token that was shown to the wrong page is spent.
            Assert.Null(handOver.Take(token, "organizer-1", 7, Year2019, CancellationToken.None));
        }
    }

    [Fact]
    public void A_load_is_taken_once()
    {
        var handOver = new DashboardHandOver(_time);
        var token = handOver.Start("organizer-1", 7, Year2019, _ => Task.FromResult<DashboardData?>(null));

        Assert.NotNull(handOver.Take(token, "organizer-1", 7, Year2019, CancellationToken.None));
        Assert.Null(handOver.Take(token, "organizer-1", 7, Year2019, CancellationToken.None));
        Assert.Null(handOver.Take(null, "organizer-1", 7, Year2019, CancellationToken.None));
        Assert.Null(handOver.Take("not-a-token", "organizer-1", 7, Year2019, CancellationToken.None));
    }

    [Fact]
    public void A_load_nobody_takes_in_time_is_cancelled_and_forgotten()
    {
        var handOver = new DashboardHandOver(_time);
        var read = new Read();
        var token = handOver.Start("organizer-1", 7, Year2019, read.RunAsync);

        _time.Advance(DashboardHandOver.Lifetime);

        Assert.True(read.Cancelled);
        Assert.Null(handOver.Take(token, "organizer-1", 7, Year2019, CancellationToken.None));
    }

    [Fact]
    public void Leaving_the_page_cancels_the_read_it_took_over()
    {
        var handOver = new DashboardHandOver(_time);
        var read = new Read();
        var token = handOver.Start("organizer-1", 7, Year2019, read.RunAsync);
        using var page = new CancellationTokenSource();

        var taken = handOver.Take(token, "organizer-1", 7, Year2019, page.Token);
        Assert.NotNull(taken);
        Assert.False(read.Cancelled);
        page.Cancel();

        Assert.True(read.Cancelled);
        // Taken in time: the expiry no longer concerns it.
        _time.Advance(DashboardHandOver.Lifetime);
    }

    private static DashboardData Data(int eventId, DashboardRange range)
    {
        var report = RetentionCalculator.Compute(new RetentionInput
        {
            TimeZone = TimeZoneInfo.Utc,
            Now = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc),
            Sessions = [],
            People = [],
            CheckIns = [],
            ConfirmedRsvps = [],
        });
        return new DashboardData(eventId, "Event", TimeZoneInfo.Utc, new DateOnly(2026, 11, 26), range, report, [], [], RetentionThresholds.Default);
    }

    /// <summary>A read that runs until it is cancelled (wait for it to begin).</summary>
    private sealed class Read
    {
        private readonly TaskCompletionSource<CancellationToken> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled => _started.Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult().IsCancellationRequested;

        public async Task<DashboardData?> RunAsync(CancellationToken ct)
        {
            _started.SetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }
    }
}
