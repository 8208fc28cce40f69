using Meetup.Testing;
using Meetup.Web.Features.Feedback.Trend;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Feedback.SeriesKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>The five answers across an event's sessions, next to who came and who came back (figures by hand).</summary>
public class FeedbackTrendTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_past_session_shows_its_answers_next_to_attendance_and_return_rate(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        using var admin = await app.ApiClientAsync();
        var s = await DailySessionsAsync(admin, time, 3);
        var upcoming = await PublishedSessionAsync(admin, 50, time.GetUtcNow().AddDays(30), eventId: s[0].EventId);
        var ann1 = await ComesAsync(app, admin, s[0].Id, "Ann", "ann@example.com");
        var bo1 = await ComesAsync(app, admin, s[0].Id, "Bo", "bo@example.com");
        await ComesAsync(app, admin, s[0].Id, "Cy", "cy@example.com"); // came, did not answer
        var ann2 = await ComesAsync(app, admin, s[1].Id, "Ann", "ann@example.com");
        var dee2 = await ComesAsync(app, admin, s[1].Id, "Dee", "dee@example.com");
        await ComesAsync(app, admin, s[2].Id, "Ann", "ann@example.com");
        time.Advance(TimeSpan.FromDays(3));
        await AnswersAsync(app, ann1, Answer(overall: 5, understanding: 4, pace: "too_fast", length: "too_long", comeNext: "yes"));
        await AnswersAsync(app, bo1, Answer(overall: 2, understanding: 1, pace: "too_slow", length: "just_right", comeNext: "maybe"));
        await AnswersAsync(app, ann2, Answer(overall: 4, understanding: 4, pace: "too_fast", length: "too_long", comeNext: "yes"));
        await AnswersAsync(app, dee2, Answer(overall: 3, understanding: 2, pace: "just_right", length: "too_long", comeNext: "no"));

        var trend = (await TrendAsync(app, s[0].EventId))!;

        Assert.Equal([s[0].Id, s[1].Id, s[2].Id], trend.Rows.Select(r => r.SessionId)); // the upcoming one is not counted yet
        Assert.DoesNotContain(trend.Rows, r => r.SessionId == upcoming.Id);
        // 1st: Ann, Bo, Cy came, Ann came back (1/3); Ann and Bo answered.
        Assert.Equal(new FeedbackTrendRow(s[0].Id, s[0].StartsAt, s[0].Title, 3, 0.333, 2, 3.5, 2.5, 0.5, 0.5, 0.5, 0.5),
            trend.Rows[0] with { ReturnRate = Round(trend.Rows[0].ReturnRate) });
        // 2nd: Ann and Dee came, Ann came back (1/2); both answered, both said too long, one too fast, one yes.
        Assert.Equal(new FeedbackTrendRow(s[1].Id, s[1].StartsAt, s[1].Title, 2, 0.5, 2, 3.5, 3, 0.5, 0, 1, 0.5), trend.Rows[1]);
        // 3rd: the last counted session: its return rate is pending, and nobody answered.
        Assert.Equal(new FeedbackTrendRow(s[2].Id, s[2].StartsAt, s[2].Title, 1, null, 0, null, null, null, null, null, null), trend.Rows[2]);
        Assert.Null(await TrendAsync(app, s[0].EventId + 1000));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static async Task<FeedbackTrend?> TrendAsync(TestApp app, int eventId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackTrendService>().GetAsync(eventId);
    }
}
