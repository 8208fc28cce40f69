using Meetup.Testing;
using Meetup.Web.Features.Feedback.Organizer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Feedback.SeriesKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>The topics the last sessions' feedback asked for, offered beside the next session's title.</summary>
public class TopicSuggestionTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_last_three_sessions_topics_come_folded_newest_first_with_counts_and_only_from_that_event(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        using var admin = await app.ApiClientAsync();
        var s = await DailySessionsAsync(admin, time, 4);
        var elsewhere = await PublishedSessionAsync(admin, 50, time.GetUtcNow().AddDays(3).AddHours(2));
        var answers = new List<(string Token, string? Topic)>
        {
            (await ComesAsync(app, admin, s[0].Id, "Ann", "ann@example.com"), "Kustomize"), // a fourth session back: not read
            (await ComesAsync(app, admin, s[1].Id, "Ann", "ann@example.com"), "helm"),
            (await ComesAsync(app, admin, s[1].Id, "Bo", "bo@example.com"), "Helm"),
            (await ComesAsync(app, admin, s[2].Id, "Bo", "bo@example.com"), "  Ｈｅｌｍ "), // full width folds too
            (await ComesAsync(app, admin, s[2].Id, "Cy", "cy@example.com"), "Operators"),
            (await ComesAsync(app, admin, s[2].Id, "Dee", "dee@example.com"), null),
            (await ComesAsync(app, admin, s[3].Id, "Ann", "ann@example.com"), "GitOps"),
            (await ComesAsync(app, admin, s[3].Id, "Cy", "cy@example.com"), "operators"),
            (await ComesAsync(app, admin, elsewhere.Id, "Eve", "eve@example.com"), "Elsewhere"),
        };
        time.Advance(TimeSpan.FromDays(4));
        foreach (var (token, topic) in answers)
        {
            await AnswersAsync(app, token, Answer(nextTopic: topic));
        }

        var suggested = await SuggestAsync(app, s[0].EventId);

        // Newest session first (operators and GitOps were asked about the 4th), then the most asked; each once, as
        // last spelled (width folded).
        Assert.Equal([("operators", 2), ("GitOps", 1), ("Helm", 3)], suggested.Select(t => (t.Topic, t.Count)));
        Assert.DoesNotContain(suggested, t => t.Topic is "Kustomize" or "Elsewhere");

        // The draft scheduled after the third session reads only what came before it: sessions 1–3.
        var before = await SuggestAsync(app, s[0].EventId, s[3].StartsAt);
        Assert.Equal([("Helm", 3), ("Operators", 1), ("Kustomize", 1)], before.Select(t => (t.Topic, t.Count)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_erased_persons_topic_is_gone_and_without_topics_there_is_nothing_to_suggest(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var gao = await ComesAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");
        var sam = await ComesAsync(app, admin, session.Id, "Sam Lee", "sam@example.com");
        AfterTheSession(time);
        await AnswersAsync(app, gao, Answer(nextTopic: "Service mesh"));
        await AnswersAsync(app, sam, Answer());
        Assert.Equal([("Service mesh", 1)], (await SuggestAsync(app, session.EventId)).Select(t => (t.Topic, t.Count)));

        (await app.Client().PostAsync($"/api/rsvps/{gao}/erase", null)).EnsureSuccessStatusCode();

        Assert.Empty(await SuggestAsync(app, session.EventId));
    }

    private static async Task<IReadOnlyList<TopicSuggestion>> SuggestAsync(TestApp app, int eventId, DateTime? before = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackTopics>().SuggestAsync(eventId, before);
    }
}
