using System.Globalization;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
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
    private static readonly string ExampleCsv = Path.Combine(AppContext.BaseDirectory, "TestData", "retention-example", "attendance.csv");

    [Fact]
    public async Task Organizer_imports_a_csv_through_the_mapping_screen_and_sees_the_dashboards_numbers()
    {
        var eventId = await NewEventAsync("Kubernetes Study Import", "kubernetes-study-import");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        // A new event: the dashboard explains itself and leads to the import screen.
        await GotoAsync(page, $"/admin/events/{eventId}/retention");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No attendance recorded yet" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import attendance history" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/events/{eventId}/import$"));
        await WaitInteractiveAsync(page);

        // A connpass-style export with Japanese headers: guessed, checked, and refused with every problem before anything is written.
        await ChooseFileAsync(page, new FilePayload
        {
            Name = "connpass.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("開催日時,メールアドレス,表示名,出欠\n2018-09-02 14:00,a@example.com,A,yes\n2018-13-40 14:00,b@example.com,B,maybe\n"),
        });
        await Expect(page.Locator("[data-field=attended]")).ToContainTextAsync("出欠");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByText("The file has 2 problem(s); nothing was written.", new() { Exact = false })).ToBeVisibleAsync();
        var errors = page.Locator(".im-errors tbody tr");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("3");
        await Expect(errors.Nth(0)).ToContainTextAsync("開催日時");
        await Expect(errors.Nth(1)).ToContainTextAsync("'maybe' is not yes or no");
        await page.ScreenshotAsync(new() { Path = Artifact("import-errors.png"), FullPage = true });
        await using (var db = fixture.App.Factory.CreateDbContext())
        {
            Assert.Equal(0, await db.Sessions.CountAsync(s => s.EventId == eventId));
        }

        // The example file: the columns are guessed from their names.
        await ChooseFileAsync(page, ExampleCsv);
        await Expect(page.GetByTestId("file-name")).ToContainTextAsync("attendance.csv");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Match the columns" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=session_start]")).ToContainTextAsync("e.g. 2018-09-02T14:00");
        await Expect(page.Locator("[data-field=email]")).ToContainTextAsync("alice@example.com");
        await page.ScreenshotAsync(new() { Path = Artifact("import-mapping.png"), FullPage = true });

        // Check: every row is valid; the preview says what will be created before anything is written.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByText("All 40 rows can be imported.")).ToBeVisibleAsync();
        var counts = page.GetByTestId("preview-counts");
        await Expect(counts).ToContainTextAsync("new sessions (of 8 in the file)");
        await Expect(counts).ToContainTextAsync("new people (of 13 in the file)");
        await using (var db = fixture.App.Factory.CreateDbContext())
        {
            Assert.Equal(0, await db.Sessions.CountAsync(s => s.EventId == eventId));
        }
        await page.ScreenshotAsync(new() { Path = Artifact("import-preview.png"), FullPage = true });

        // Import, then the outcome and the way to the dashboard.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        var outcome = page.GetByTestId("import-outcome");
        await Expect(outcome).ToContainTextAsync("8 sessions created", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Artifact("import-done.png"), FullPage = true });
        await outcome.GetByRole(AriaRole.Link, new() { Name = "See who comes back" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/events/{eventId}/retention$"));

        // The worked example's figures (spec/retention-example/expected.json).
        await Expect(Kpi(page, "returnRate")).ToContainTextAsync("65.2%");
        await Expect(Kpi(page, "firstTimerReturnRate")).ToContainTextAsync("60%");
        await Expect(Kpi(page, "uniqueAttendees")).ToContainTextAsync("11");
        await Expect(Kpi(page, "regulars")).ToContainTextAsync("4");
        await Expect(Kpi(page, "atRisk")).ToContainTextAsync("1");
        await Expect(page.GetByTestId("range-summary")).ToContainTextAsync("5 sessions, 2018-09-02 – 2018-10-24");

        // The return-rate table: the last session is pending, not 0%.
        var returnRate = page.Locator("#return-rate");
        await returnRate.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        var lastRow = returnRate.Locator("tbody tr").Last;
        await Expect(lastRow).ToContainTextAsync("Kata Containers");
        await Expect(lastRow).ToContainTextAsync("pending");
        await Expect(returnRate.Locator("tbody tr").First).ToContainTextAsync("60%");

        // At risk: Chen, who links to their history.
        var atRisk = page.Locator("#at-risk");
        await Expect(atRisk).ToContainTextAsync("chen@example.com");
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-imported-1280.png"), FullPage = true });
        await atRisk.GetByRole(AriaRole.Link, new() { Name = "陈晨 (Chen Chen)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "陈晨 (Chen Chen)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("history-summary")).ToContainTextAsync("Came to 3 of");
        await page.ScreenshotAsync(new() { Path = Artifact("person-history-1280.png"), FullPage = true });

        // The same browser on a phone-sized page: the mapping stacks, and the saved mapping comes back for a file with the same columns.
        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await GotoAsync(phone, $"/admin/events/{eventId}/import");
        await ChooseFileAsync(phone, ExampleCsv);
        await Expect(phone.GetByText("These are the columns you chose last time for a file with the same columns.")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Artifact("import-mapping-390.png"), FullPage = true });
    }

    [Fact]
    public async Task The_demo_communitys_dashboard_shows_its_figures_and_charts_on_a_laptop_and_a_phone()
    {
        var eventId = await DemoEventIdAsync();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var page = await fixture.NewPageAsync(width: width, height: height);
            await SignInAsync(page);
            await GotoAsync(page, $"/admin/events/{eventId}/retention");

            foreach (var key in new[] { "returnRate", "firstTimerReturnRate", "uniqueAttendees", "regulars", "atRisk" })
            {
                await Expect(Kpi(page, key).Locator(".rd-kpi-value")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?%?$"));
            }
            await Expect(page.Locator("#return-rate svg[role=img] path.rd-bar").First).ToBeVisibleAsync();
            await Expect(page.Locator("#return-rate .rd-pending-label")).ToHaveTextAsync("pending");
            await Expect(page.Locator("#lifecycle svg[role=img] path.lc-dormant").First).ToBeAttachedAsync();
            await Expect(page.Locator("#cohorts table.rd-heat tbody tr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#slots")).ToContainTextAsync("Weekend");
            await Expect(page.Locator("#speakers tbody tr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#no-shows svg").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Artifact($"dashboard-demo-{width}.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Artifact($"dashboard-demo-{width}-top.png") });
            foreach (var section in new[] { "return-rate", "lifecycle", "cohorts", "slots", "speakers", "at-risk", "no-shows" })
            {
                await page.Locator($"#{section}").ScreenshotAsync(new() { Path = Artifact($"dashboard-demo-{width}-{section}.png") });
            }

            // A range: the KPI cards compare with the period before it.
            await page.GetByRole(AriaRole.Button, new() { Name = "Dates…" }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "From", Exact = true }).FillAsync("2019-01-01");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "To", Exact = true }).FillAsync("2019-12-31");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("from=2019-01-01&to=2019-12-31"));
            await Expect(page.GetByText("Changes compare with 2018-01-01 – 2018-12-31")).ToBeVisibleAsync();
            await Expect(Kpi(page, "uniqueAttendees").Locator(".rd-kpi-change")).ToContainTextAsync("vs previous period");
            if (width == 1280)
            {
                await page.ScreenshotAsync(new() { Path = Artifact("dashboard-demo-2019.png") });
            }
        }
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
        var unique = Kpi(page, "uniqueAttendees");

        // A full page load of a range: the read its prerender started is the one shown, with the changes against the year before.
        await GotoAsync(page, $"/admin/events/{eventId}/retention{year2019.ToQuery()}");
        await Expect(unique.Locator(".rd-kpi-value")).ToHaveTextAsync(in2019.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByText("Changes compare with 2018-01-01 – 2018-12-31")).ToBeVisibleAsync();
        await Expect(unique.Locator(".rd-kpi-change")).ToContainTextAsync("vs previous period");

        // Another range in the same circuit is read and computed anew.
        await page.GetByRole(AriaRole.Button, new() { Name = "All history" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/events/{eventId}/retention$"));
        await Expect(unique.Locator(".rd-kpi-value")).ToHaveTextAsync(all.ToString(CultureInfo.InvariantCulture));
        await Expect(unique.Locator(".rd-kpi-change")).ToContainTextAsync("different people who came");

        // And a reload shows that range, not the one read before.
        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Expect(unique.Locator(".rd-kpi-value")).ToHaveTextAsync(all.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#no-shows svg").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_more_sessions_than_fit_every_chart_starts_at_the_first_session_and_scrolls()
    {
        var eventId = await LongHistoryAsync(sessions: 150);
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await GotoAsync(page, $"/admin/events/{eventId}/retention");

        await Expect(Kpi(page, "uniqueAttendees").Locator(".rd-kpi-value")).ToHaveTextAsync("12");
        // Each chart is wider than its card and scrolls sideways, starting at the first session.
        foreach (var section in new[] { "return-rate", "lifecycle", "no-shows" })
        {
            var scroll = page.Locator($"#{section} .rd-scroll").Last;
            await scroll.ScrollIntoViewIfNeededAsync();
            Assert.True(await scroll.EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth") > 0, $"{section} does not scroll");
        }
        // MudChart kept a 700 × 350 view box centred in the wide box: the bars were off to the side.
        await Expect(page.Locator("#no-shows path.mud-chart-bar").First).ToBeInViewportAsync();
        await page.Locator("#no-shows").ScreenshotAsync(new() { Path = Artifact("dashboard-150-sessions-no-shows.png") });
    }

    /// <summary>Through the browser's file chooser, as the organizer does (MudFileUpload swaps its input after each pick).</summary>
    private static async Task ChooseFileAsync(IPage page, object file)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Choose (a CSV|another) file$") }).ClickAsync());
        await (file switch
        {
            string path => chooser.SetFilesAsync(path),
            FilePayload payload => chooser.SetFilesAsync(payload),
            _ => throw new ArgumentException("A path or a payload.", nameof(file)),
        });
    }

    private static ILocator Kpi(IPage page, string key) => page.Locator($"[data-kpi={key}]");

    private async Task<int> NewEventAsync(string name, string slug)
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        var now = DateTime.UtcNow;
        var e = new Event { Name = name, Slug = slug, TimeZone = "Asia/Tokyo", CreatedAt = now, UpdatedAt = now };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    /// <summary>A weekly group of twelve regulars, one of whom walks in without an RSVP.</summary>
    private async Task<int> LongHistoryAsync(int sessions)
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        var start = new DateTime(2019, 1, 8, 10, 0, 0, DateTimeKind.Utc);
        var e = new Event { Name = "Long History", Slug = "long-history", TimeZone = "Asia/Tokyo", CreatedAt = start, UpdatedAt = start };
        var people = Enumerable.Range(0, 12).Select(p => new Attendee { Email = $"long{p}@example.com", DisplayName = $"Long {p}", CreatedAt = start }).ToList();
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

    private async Task<int> DemoEventIdAsync()
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        return await db.Events.Where(e => e.Slug == DemoSeeder.EventSlug).Select(e => e.Id).SingleAsync();
    }
}
