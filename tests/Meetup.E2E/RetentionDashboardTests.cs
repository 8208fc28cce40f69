using System.Globalization;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.E2E.Pages;
using Meetup.Web.Features.Demo;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class RetentionDashboardTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_demo_communitys_dashboard_shows_its_figures_and_charts_on_a_laptop_and_a_phone()
    {
        var eventId = await DemoEventIdAsync();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var page = await fixture.NewPageAsync(width: width, height: height);
            await SignInAsync(page);
            var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId);

            foreach (var key in new[] { "returnRate", "firstTimerReturnRate", "uniqueAttendees", "regulars", "atRisk" })
            {
                await Expect(dashboard.KpiValue(key)).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?%?$"));
            }
            await Expect(dashboard.ReturnRate.Locator("svg[role=img] path.rd-bar").First).ToBeVisibleAsync();
            await Expect(dashboard.ReturnRate.Locator(".rd-pending-label")).ToHaveTextAsync("pending");
            await Expect(dashboard.Section("lifecycle").Locator("svg[role=img] path.lc-dormant").First).ToBeAttachedAsync();
            await Expect(dashboard.Section("cohorts").Locator("table.rd-heat tbody tr").First).ToBeVisibleAsync();
            await Expect(dashboard.Section("slots")).ToContainTextAsync("Weekend");
            await Expect(dashboard.Section("speakers").Locator("tbody tr").First).ToBeVisibleAsync();
            await Expect(dashboard.NoShows.Locator("svg").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Artifact($"dashboard-demo-{width}.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Artifact($"dashboard-demo-{width}-top.png") });
            foreach (var section in new[] { "return-rate", "lifecycle", "cohorts", "slots", "speakers", "at-risk", "no-shows" })
            {
                await dashboard.Section(section).ScreenshotAsync(new() { Path = Artifact($"dashboard-demo-{width}-{section}.png") });
            }

            // A range: the KPI cards compare with the period before it.
            await dashboard.ChooseRangeAsync("2019-01-01", "2019-12-31");
            await Expect(page).ToHaveURLAsync(new Regex("from=2019-01-01&to=2019-12-31"));
            await Expect(page.GetByText("Changes compare with 1 Jan 2018 – 31 Dec 2018")).ToBeVisibleAsync();
            await Expect(dashboard.KpiChange("uniqueAttendees")).ToContainTextAsync("vs previous period");
            if (width == 1280)
            {
                await page.ScreenshotAsync(new() { Path = Artifact("dashboard-demo-2019.png") });
            }
        }
    }

    [Fact]
    public async Task A_Chinese_browser_gets_the_dashboard_in_Chinese_with_Chinese_dates()
    {
        var eventId = await DemoEventIdAsync();
        var page = await SignedInPageAsync(fixture.Browser, fixture.App.BaseUrl, "zh-CN");
        var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId);

        await Expect(dashboard.Kpi("returnRate").Locator(".rd-kpi-label")).ToHaveTextAsync("再次参加率");
        await Expect(dashboard.Kpi("atRisk").Locator(".rd-kpi-label")).ToHaveTextAsync("流失风险");
        await Expect(dashboard.ReturnRate.GetByRole(AriaRole.Heading, new() { Name = "各场次再次参加率" })).ToBeVisibleAsync();
        await Expect(dashboard.ReturnRate.Locator(".rd-pending-label")).ToHaveTextAsync("待定");
        // Dates the Chinese way (DateFormats), not 2018-09-02 or 2 Sep 2018.
        await Expect(dashboard.RangeSummary).ToContainTextAsync(new Regex(@"\d{4}年\d{1,2}月\d{1,2}日"));
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-demo-zh.png"), FullPage = true });
    }

    [Fact]
    public async Task A_page_load_shows_the_figures_of_its_own_range_and_a_range_change_recomputes()
    {
        var eventId = await DemoEventIdAsync();
        var year2019 = new DashboardRange(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));
        int all, in2019;
        using (var scope = fixture.App.Factory.Services.CreateScope())
        {
            var retention = scope.ServiceProvider.GetRequiredService<RetentionService>();
            all = (await retention.GetReportAsync(eventId))!.Overall.UniqueAttendees;
            in2019 = (await retention.GetReportAsync(eventId, year2019.From, year2019.To))!.Overall.UniqueAttendees;
        }
        Assert.NotEqual(all, in2019);
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        // A full page load of a range: the read its prerender started is the one shown, with the changes against the year before.
        var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId, year2019.ToQuery());
        await Expect(dashboard.KpiValue("uniqueAttendees")).ToHaveTextAsync(in2019.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByText("Changes compare with 1 Jan 2018 – 31 Dec 2018")).ToBeVisibleAsync();
        await Expect(dashboard.KpiChange("uniqueAttendees")).ToContainTextAsync("vs previous period");

        // Another range in the same circuit is read and computed anew.
        await dashboard.ShowAllHistoryAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/events/{eventId}/retention$"));
        await Expect(dashboard.KpiValue("uniqueAttendees")).ToHaveTextAsync(all.ToString(CultureInfo.InvariantCulture));
        await Expect(dashboard.KpiChange("uniqueAttendees")).ToContainTextAsync("different people who came");

        // And a reload shows that range, not the one read before.
        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Expect(dashboard.KpiValue("uniqueAttendees")).ToHaveTextAsync(all.ToString(CultureInfo.InvariantCulture));
        await Expect(dashboard.NoShows.Locator("svg").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_more_sessions_than_fit_every_chart_starts_at_the_first_session_and_scrolls()
    {
        var eventId = await LongHistoryAsync(sessions: 150);
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId);

        await Expect(dashboard.KpiValue("uniqueAttendees")).ToHaveTextAsync("12");
        // Each chart is wider than its card and scrolls sideways, starting at the first session.
        foreach (var section in new[] { "return-rate", "lifecycle", "no-shows" })
        {
            var scroll = dashboard.Section(section).Locator(".rd-scroll").Last;
            await scroll.ScrollIntoViewIfNeededAsync();
            Assert.True(await scroll.EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth") > 0, $"{section} does not scroll");
        }
        // MudChart kept a 700 × 350 view box centred in the wide box: the bars were off to the side.
        await Expect(dashboard.NoShows.Locator("path.mud-chart-bar").First).ToBeInViewportAsync();
        await dashboard.NoShows.ScreenshotAsync(new() { Path = Artifact("dashboard-150-sessions-no-shows.png") });
    }

    [Fact]
    public async Task The_feedback_panel_shows_the_return_rate_by_answer_with_sample_sizes_and_small_samples_greyed()
    {
        var withFeedback = await FeedbackHistoryAsync("feedback-effect", feedback: true);
        var without = await FeedbackHistoryAsync("no-feedback-yet", feedback: false);
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        var dashboard = await RetentionDashboardScreen.GotoAsync(page, withFeedback);
        var panel = dashboard.Section("feedback-effect");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "What feedback says about coming back" })).ToBeVisibleAsync();
        var understood = panel.Locator("[data-question=understanding]");
        await Expect(understood.Locator("[data-answer=high]")).ToContainTextAsync("75% came back (n=12)");
        await Expect(understood.Locator("[data-answer=high]")).Not.ToHaveClassAsync(new Regex("rd-small"));
        await Expect(understood.Locator("[data-answer=low]")).ToContainTextAsync("25% came back (n=8)");
        await Expect(understood.Locator("[data-answer=low]")).ToHaveClassAsync(new Regex("rd-small"));
        await Expect(understood.Locator("[data-answer=low]")).ToContainTextAsync("few answers");
        await Expect(understood.Locator("[data-answer=middle]")).ToHaveCountAsync(0); // nobody answered 3
        var comeNext = panel.Locator("[data-question=comeNext]");
        await Expect(comeNext.Locator("[data-answer=yes]")).ToContainTextAsync("Yes, I will");
        await Expect(comeNext.Locator("[data-answer=yes]")).ToContainTextAsync("75% came back (n=12)");
        await Expect(comeNext.Locator("[data-answer=no]")).ToContainTextAsync("25% came back (n=8)");
        await panel.ScreenshotAsync(new() { Path = Artifact("dashboard-feedback-effect.png") });

        dashboard = await RetentionDashboardScreen.GotoAsync(page, without);
        await Expect(dashboard.Section("feedback-effect").GetByTestId("feedback-effect-empty")).ToContainTextAsync("No feedback yet.");
    }

    /// <summary>
    /// Three weekly sessions of twenty people. With feedback, all answer about the first: twelve understood it (5) and
    /// would come again, of whom nine came to the second; eight did not (2, "probably not"), of whom two came. One
    /// answer about the last session, which has no next one, counts nowhere.
    /// </summary>
    private async Task<int> FeedbackHistoryAsync(string slug, bool feedback)
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        var start = new DateTime(2021, 4, 6, 10, 0, 0, DateTimeKind.Utc);
        var e = new Event { Name = slug, Slug = slug, TimeZone = "Asia/Tokyo", CreatedAt = start, UpdatedAt = start };
        var people = Enumerable.Range(0, 20).Select(p => new Attendee { Email = $"{slug}{p}@example.com", DisplayName = $"P {p}", CreatedAt = start }).ToList();
        var sessions = Enumerable.Range(0, 3).Select(s => new Session
        {
            Title = $"Week {s + 1}",
            StartsAt = start.AddDays(7 * s),
            EndsAt = start.AddDays(7 * s).AddHours(2),
            Status = SessionStatus.Published,
            CreatedAt = start,
            UpdatedAt = start,
        }).ToList();
        e.Sessions.AddRange(sessions);
        for (var p = 0; p < 20; p++)
        {
            sessions[0].CheckIns.Add(new CheckIn { Attendee = people[p], At = start, Method = CheckInMethod.Import });
            if (p < 9 || p is 12 or 13)
            {
                sessions[1].CheckIns.Add(new CheckIn { Attendee = people[p], At = start, Method = CheckInMethod.Import });
            }
            if (p < 5)
            {
                sessions[2].CheckIns.Add(new CheckIn { Attendee = people[p], At = start, Method = CheckInMethod.Import });
            }
            if (feedback)
            {
                var understood = p < 12;
                db.Feedback.Add(new Feedback
                {
                    Session = sessions[0],
                    Attendee = people[p],
                    Overall = 4,
                    Understanding = understood ? 5 : 2,
                    Pace = FeedbackPace.JustRight,
                    Length = FeedbackLength.JustRight,
                    ComeNext = understood ? FeedbackComeNext.Yes : FeedbackComeNext.No,
                    Language = "en",
                    CreatedAt = start,
                    UpdatedAt = start,
                });
            }
        }
        if (feedback)
        {
            db.Feedback.Add(new Feedback
            {
                Session = sessions[2],
                Attendee = people[0],
                Overall = 1,
                Understanding = 1,
                Pace = FeedbackPace.TooFast,
                Length = FeedbackLength.TooLong,
                ComeNext = FeedbackComeNext.No,
                Language = "en",
                CreatedAt = start,
                UpdatedAt = start,
            });
        }
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    /// <summary>A weekly group of twelve regulars, one of whom walks in without an RSVP.</summary>
    [Fact]
    public async Task The_return_rate_table_shows_the_new_followers_of_each_session()
    {
        var eventId = await LongHistoryAsync(sessions: 3, slug: "followed-history");
        await using (var db = fixture.App.Factory.CreateDbContext())
        {
            var starts = await db.Sessions.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync();
            foreach (var (confirmed, k) in new[] { starts[0].AddDays(-1), starts[1].AddHours(-1), starts[1].AddHours(-2) }.Select((c, k) => (c, k)))
            {
                db.Subscriptions.Add(new Subscription
                {
                    EventId = eventId,
                    Attendee = new Attendee { Email = $"follower{k}@example.com", DisplayName = $"Follower {k}", CreatedAt = confirmed },
                    Status = SubscriptionStatus.Active,
                    CreatedAt = confirmed,
                    Since = confirmed,
                    ConfirmedAt = confirmed,
                });
            }
            await db.SaveChangesAsync();
        }
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId);

        var rows = await dashboard.ReturnRateRowsAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(dashboard.ReturnRate.Locator("th", new() { HasText = "New followers" })).ToBeVisibleAsync();
        await Expect(rows.Locator("[data-new-followers]")).ToHaveTextAsync(["1", "2", "0"]);
    }

    private async Task<int> LongHistoryAsync(int sessions, string slug = "long-history")
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        var start = new DateTime(2019, 1, 8, 10, 0, 0, DateTimeKind.Utc);
        var e = new Event { Name = "Long History", Slug = slug, TimeZone = "Asia/Tokyo", CreatedAt = start, UpdatedAt = start };
        var people = Enumerable.Range(0, 12).Select(p => new Attendee { Email = $"{slug}{p}@example.com", DisplayName = $"Long {p}", CreatedAt = start }).ToList();
        for (var s = 0; s < sessions; s++)
        {
            var at = start.AddDays(7 * s);
            var session = new Session { Title = $"Week {s + 1}", StartsAt = at, EndsAt = at.AddHours(2), Status = SessionStatus.Published, CreatedAt = at, UpdatedAt = at };
            foreach (var (person, p) in people.Select((person, p) => (person, p)))
            {
                session.CheckIns.Add(new CheckIn { Attendee = person, At = at, Method = CheckInMethod.Import });
                if (p > 0)
                {
                    session.Rsvps.Add(new Rsvp { Attendee = person, Status = RsvpStatus.Confirmed, CreatedAt = at, UpdatedAt = at });
                }
            }
            e.Sessions.Add(session);
        }
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    [Fact]
    public async Task The_no_show_section_shows_the_late_cancellations_in_every_language()
    {
        var eventId = await DemoEventIdAsync();
        await using (var db = fixture.App.Factory.CreateDbContext())
        {
            // Someone who cancelled the latest held session two hours before it started (a cancelled RSVP: no
            // other figure changes). The demo's other cancellations carry no instant of their own.
            var now = DateTime.UtcNow;
            var latest = await db.Sessions.Where(s => s.EventId == eventId && s.StartsAt < now && s.CheckIns.Any())
                .OrderByDescending(s => s.StartsAt).FirstAsync();
            db.Rsvps.Add(new Rsvp
            {
                SessionId = latest.Id,
                Attendee = new Attendee { Email = "late-canceller@example.com", DisplayName = "Late", CreatedAt = now },
                Status = RsvpStatus.Cancelled,
                CreatedAt = latest.StartsAt.AddDays(-5),
                UpdatedAt = latest.StartsAt.AddHours(-2),
                CancelledAt = latest.StartsAt.AddHours(-2),
            });
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId);
        await Expect(dashboard.NoShows).ToContainTextAsync("Late cancellations (cancelled by the person in the 24 hours before the start): 1");
        await dashboard.NoShows.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        await Expect(dashboard.NoShows.GetByRole(AriaRole.Columnheader, new() { Name = "Late cancellations" })).ToBeVisibleAsync();
        await dashboard.NoShows.ScreenshotAsync(new() { Path = Artifact("dashboard-demo-late-cancellations.png") });

        var ja = await RetentionDashboardScreen.GotoAsync(await SignedInPageAsync(fixture.Browser, fixture.App.BaseUrl, "ja-JP"), eventId);
        await Expect(ja.NoShows).ToContainTextAsync("直前キャンセル（開始前24時間以内に本人がキャンセル）：1件");
        var zh = await RetentionDashboardScreen.GotoAsync(await SignedInPageAsync(fixture.Browser, fixture.App.BaseUrl, "zh-CN"), eventId);
        await Expect(zh.NoShows).ToContainTextAsync("临时取消（开始前 24 小时内本人取消报名）：1 人");
    }

    private async Task<int> DemoEventIdAsync()
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        return await db.Events.Where(e => e.Slug == DemoSeeder.EventSlug).Select(e => e.Id).SingleAsync();
    }
}
