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
        // 'maybe' is nobody's known value: it stays unchosen, so the check reports its row.
        await Expect(page.Locator("[data-values=attended] [data-value=maybe]")).ToContainTextAsync("not chosen");
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

        // The worked example's figures (tests/Meetup.Tests/TestData/retention-example/expected.json).
        await Expect(Kpi(page, "returnRate")).ToContainTextAsync("65.2%");
        await Expect(Kpi(page, "firstTimerReturnRate")).ToContainTextAsync("60%");
        await Expect(Kpi(page, "uniqueAttendees")).ToContainTextAsync("11");
        await Expect(Kpi(page, "regulars")).ToContainTextAsync("4");
        await Expect(Kpi(page, "atRisk")).ToContainTextAsync("1");
        await Expect(page.GetByTestId("range-summary")).ToContainTextAsync("5 sessions, 2018-09-02 – 2018-10-24");

        // The figures as files: this period's retention.csv, and the history in the import format.
        await page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync();
        var figures = page.Locator("a[href*='/retention.csv']");
        await Expect(figures).ToContainTextAsync("Figures per session");
        var figuresCsv = await page.APIRequest.GetAsync((await figures.GetAttributeAsync("href"))!);
        Assert.Equal(200, figuresCsv.Status);
        Assert.Contains("returnRate", await figuresCsv.TextAsync(), StringComparison.Ordinal);
        var history = await page.APIRequest.GetAsync((await page.Locator("a[href$='/attendance.csv']").GetAttributeAsync("href"))!);
        Assert.StartsWith("session_start", (await history.TextAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");

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
    public async Task Organizer_imports_a_connpass_export_after_confirming_what_its_values_mean()
    {
        var eventId = await NewEventAsync("Kubernetes Study connpass", "kubernetes-study-connpass");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await GotoAsync(page, $"/admin/events/{eventId}/import");

        // The worked example as connpass writes it: Japanese columns and statuses, UTF-8 with a byte order mark.
        await ChooseFileAsync(page, new FilePayload { Name = "connpass-participants.csv", MimeType = "text/csv", Buffer = ConnpassStyle(ExampleCsv) });
        await Expect(page.Locator("[data-field=rsvp]")).ToContainTextAsync("参加ステータス");
        await Expect(page.Locator("[data-field=attended]")).ToContainTextAsync("出欠ステータス");

        // Each foreign value is listed with its count and a guessed meaning.
        var values = page.GetByTestId("value-mapping");
        await Expect(values.GetByRole(AriaRole.Heading, new() { Name = "What the values mean" })).ToBeVisibleAsync();
        await ExpectValueAsync(page, "rsvp", "参加", "36 rows", "confirmed");
        await ExpectValueAsync(page, "rsvp", "キャンセル", "1 row", "cancelled");
        await ExpectValueAsync(page, "attended", "出席", "28 rows", "attended");
        await ExpectValueAsync(page, "attended", "", "12 rows", "did not attend");
        await ExpectValueAsync(page, "session_status", "中止", "2 rows", "cancelled");
        await ExpectValueAsync(page, "session_format", "オンライン", "8 rows", "online");
        await ExpectValueAsync(page, "session_format", "ハイブリッド", "6 rows", "hybrid");
        // Tall enough that the fixed app bar covers nothing of the step.
        await page.SetViewportSizeAsync(1280, 2400);
        await values.ScreenshotAsync(new() { Path = Artifact("import-values.png") });
        await page.SetViewportSizeAsync(1280, 800);

        // Checked and previewed through the meanings; then imported.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByText("All 40 rows can be imported.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("new sessions (of 8 in the file)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        var outcome = page.GetByTestId("import-outcome");
        await Expect(outcome).ToContainTextAsync("8 sessions created", new() { Timeout = 20_000 });
        await Expect(outcome).ToContainTextAsync("13 people created, 37 RSVPs and 28 check-ins written");

        // The same figures as the canonical file: the meanings were right.
        await outcome.GetByRole(AriaRole.Link, new() { Name = "See who comes back" }).ClickAsync();
        await Expect(Kpi(page, "returnRate")).ToContainTextAsync("65.2%");
        await Expect(Kpi(page, "firstTimerReturnRate")).ToContainTextAsync("60%");
        await Expect(Kpi(page, "uniqueAttendees")).ToContainTextAsync("11");
        await Expect(Kpi(page, "regulars")).ToContainTextAsync("4");
        await Expect(Kpi(page, "atRisk")).ToContainTextAsync("1");

        // The next export from connpass: columns and meanings come back, a value changed by hand stays changed.
        await GotoAsync(page, $"/admin/events/{eventId}/import");
        await ChooseFileAsync(page, new FilePayload { Name = "connpass-participants.csv", MimeType = "text/csv", Buffer = ConnpassStyle(ExampleCsv) });
        await Expect(page.GetByText("These are the columns you chose last time for a file with the same columns.")).ToBeVisibleAsync();
        await ExpectValueAsync(page, "attended", "", "12 rows", "did not attend");
        await ChooseAsync(page, ValueSelect(page, "attended", "出席"), "did not attend");
        await ExpectValueAsync(page, "attended", "出席", "28 rows", "did not attend");
        await page.SetViewportSizeAsync(390, 2400);
        await values.ScreenshotAsync(new() { Path = Artifact("import-values-390.png") });
    }

    [Fact]
    public async Task A_luma_guest_list_reads_its_check_in_times_as_attended()
    {
        var eventId = await NewEventAsync("Kubernetes Study Luma", "kubernetes-study-luma");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await GotoAsync(page, $"/admin/events/{eventId}/import");

        await ChooseFileAsync(page, new FilePayload
        {
            Name = "luma-guests.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""
                api_id,name,first_name,last_name,email,created_at,approval_status,checked_in_at,event_start
                gst-1,Ada Lovelace,Ada,Lovelace,ada@luma.example,2024-04-01T10:00:00.000Z,approved,2024-05-01T10:05:31.123Z,2024-05-01T19:00
                gst-2,Grace Hopper,Grace,Hopper,grace@luma.example,2024-04-02T10:00:00.000Z,approved,,2024-05-01T19:00
                gst-3,Alan Turing,Alan,Turing,alan@luma.example,2024-04-03T10:00:00.000Z,waitlist,,2024-05-01T19:00
                gst-4,Edsger Dijkstra,Edsger,Dijkstra,edsger@luma.example,2024-04-04T10:00:00.000Z,declined,,2024-05-01T19:00

                """),
        });

        // checked_in_at holds times: filled in means attended, guessed from its name.
        var attended = page.Locator("[data-values=attended]");
        await Expect(attended.GetByRole(AriaRole.Radio, new() { Name = "Filled in (a check-in time, say) means attended; empty means not" })).ToBeCheckedAsync();
        await Expect(attended.GetByTestId("filled-counts")).ToContainTextAsync("Filled in: 1 row, attended. Empty: 3 rows, did not attend.");
        await ExpectValueAsync(page, "rsvp", "approved", "2 rows", "confirmed");
        await ExpectValueAsync(page, "rsvp", "waitlist", "1 row", "waitlisted");
        await ExpectValueAsync(page, "rsvp", "declined", "1 row", "cancelled");
        await page.SetViewportSizeAsync(1280, 1600);
        await page.GetByTestId("value-mapping").ScreenshotAsync(new() { Path = Artifact("import-values-luma.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByText("All 4 rows can be imported.")).ToBeVisibleAsync();
        var counts = page.GetByTestId("preview-counts");
        await Expect(counts.Locator("div", new() { HasText = "check-ins" })).ToContainTextAsync("1");
        await Expect(counts.Locator("div", new() { HasText = "RSVPs" })).ToContainTextAsync("4");
    }

    [Fact]
    public async Task Two_shift_jis_connpass_lists_without_email_or_date_import_as_two_sessions_of_the_same_people()
    {
        var eventId = await NewEventAsync("Kubernetes Study per event", "kubernetes-study-per-event");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await GotoAsync(page, $"/admin/events/{eventId}/import");

        // connpass's participant list of the first session, as it downloads: Shift_JIS, no e-mail, no date.
        await ChooseFileAsync(page, new FilePayload { Name = "event_1_participants.csv", MimeType = "text/csv", Buffer = ConnpassPerEvent(FirstSession) });
        await Expect(page.GetByTestId("file-encoding")).ToContainTextAsync("Read as Japanese (Shift_JIS)");
        await Expect(page.Locator("[data-field=name]")).ToContainTextAsync("表示名");

        // Read as UTF-8 on purpose: the bytes are not, and the screen says where; back to Shift_JIS.
        await ChooseAsync(page, page.GetByTestId("file-encoding").Locator(".im-select"), "Unicode (UTF-8)");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Line 1 is not Unicode (UTF-8) text");
        await page.ScreenshotAsync(new() { Path = Artifact("import2-encoding.png") });
        await ChooseAsync(page, page.GetByTestId("file-encoding").Locator(".im-select"), "Japanese (Shift_JIS)");
        await Expect(page.Locator("[data-field=name]")).ToContainTextAsync("表示名");

        // No start column: every row is one session. No e-mail column: people are their connpass user names.
        var missing = page.GetByTestId("missing-columns");
        await Expect(missing).ToContainTextAsync("Every row is one session, which started at");
        await Expect(missing.Locator("[data-missing=accounts] .im-select")).ToContainTextAsync("ユーザー名");
        await Expect(missing.GetByLabel("Site", new() { Exact = true })).ToHaveValueAsync("connpass");
        // Its check-in times (出席日時: 13:55 and 14:01) suggest the session's date and time.
        await Expect(missing.GetByTestId("start-suggested")).ToContainTextAsync("出席日時");
        await Expect(missing.GetByLabel("Session date")).ToHaveValueAsync("2018-09-02");
        await Expect(missing.GetByLabel("Start time")).ToHaveValueAsync("14:00");
        await missing.GetByLabel("Session title (optional)").FillAsync("Kubernetes 入門 #1");
        await missing.GetByLabel("Session title (optional)").PressAsync("Tab");
        await page.SetViewportSizeAsync(1280, 2000);
        await page.ScreenshotAsync(new() { Path = Artifact("import2-per-event.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByText("All 4 rows can be imported.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("new sessions (of 1 in the file)");
        await page.GetByText("New people (4)").ClickAsync();
        await Expect(page.Locator(".mud-expand-panel", new() { HasText = "New people (4)" })
            .GetByRole(AriaRole.Cell, new() { Name = "taro_y (connpass)", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("import2-preview.png"), FullPage = true });
        var outcome = page.GetByTestId("import-outcome");
        await Expect(outcome).ToContainTextAsync("4 people created", new() { Timeout = 20_000 });

        // The next session's list: the columns and the site come back; the start is the organizer's again.
        await GotoAsync(page, $"/admin/events/{eventId}/import");
        await ChooseFileAsync(page, new FilePayload { Name = "event_2_participants.csv", MimeType = "text/csv", Buffer = ConnpassPerEvent(SecondSession) });
        await Expect(page.GetByText("These are the columns you chose last time for a file with the same columns.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("missing-columns").GetByLabel("Site", new() { Exact = true })).ToHaveValueAsync("connpass");
        await FillStartAsync(page, "2018-10-07", "14:00");
        await page.SetViewportSizeAsync(390, 2400);
        await page.GetByTestId("missing-columns").ScreenshotAsync(new() { Path = Artifact("import2-per-event-390.png") });
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("new people (of 3 in the file)");
        await Expect(page.GetByTestId("preview-counts").Locator("div", new() { HasText = "new people" }).Locator(".kpi-value")).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(outcome).ToContainTextAsync("0 people created", new() { Timeout = 20_000 });

        // taro_y came to both: half of the first session's attendees came back.
        await outcome.GetByRole(AriaRole.Link, new() { Name = "See who comes back" }).ClickAsync();
        await Expect(Kpi(page, "returnRate")).ToContainTextAsync("50%");
        await Expect(Kpi(page, "uniqueAttendees")).ToContainTextAsync("3");
        var returnRate = page.Locator("#return-rate");
        await returnRate.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        await Expect(returnRate.Locator("tbody tr").First).ToContainTextAsync("50%");
        await Expect(returnRate.Locator("tbody tr").First).ToContainTextAsync("Kubernetes 入門 #1");
        await page.ScreenshotAsync(new() { Path = Artifact("import2-dashboard.png"), FullPage = true });

        // The same list again: nothing to change, and no Import button that would do nothing.
        await GotoAsync(page, $"/admin/events/{eventId}/import");
        await ChooseFileAsync(page, new FilePayload { Name = "event_2_participants.csv", MimeType = "text/csv", Buffer = ConnpassPerEvent(SecondSession) });
        await FillStartAsync(page, "2018-10-07", "14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByTestId("preview-nothing")).ToBeVisibleAsync();
        await Expect(page.GetByText("rows can be imported.")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_file_of_thousands_of_bad_lines_lists_the_first_thousand_problems_and_says_how_many_more()
    {
        var eventId = await NewEventAsync("Kubernetes Study bad file", "kubernetes-study-bad-file");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await GotoAsync(page, $"/admin/events/{eventId}/import");
        var csv = new System.Text.StringBuilder("session_start,email,attended\n");
        for (var i = 0; i < 1_500; i++)
        {
            csv.Append("x,y,z\n"); // three problems a line
        }

        await ChooseFileAsync(page, new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "problem(s)" })).ToContainTextAsync("The file has 4500 problem(s)", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("more-errors")).ToHaveTextAsync("…and 3500 more (only the first 1000 are listed).");
    }

    private const string FirstSession = """
        参加枠名,ユーザー名,表示名,参加ステータス,出欠ステータス,出席日時
        一般枠,taro_y,山田 太郎,参加,出席,2018年9月2日 13時55分
        一般枠,hanako,佐藤 花子,参加,出席,2018年9月2日 14時01分
        一般枠,jiro,鈴木 次郎,補欠,,
        LT枠,ken,Ken,キャンセル,,
        """;

    private const string SecondSession = """
        参加枠名,ユーザー名,表示名,参加ステータス,出欠ステータス,出席日時
        一般枠,TARO_Y,山田 太郎,参加,出席,2018年10月7日 13時58分
        一般枠,jiro,鈴木 次郎,参加,出席,2018年10月7日 14時02分
        一般枠,hanako,佐藤 花子,参加,,
        """;

    /// <summary>A connpass participant list as it downloads: CP932 with Windows line ends.</summary>
    private static byte[] ConnpassPerEvent(string csv)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(932).GetBytes(csv.ReplaceLineEndings("\r\n") + "\r\n");
    }

    private static async Task FillStartAsync(IPage page, string date, string time)
    {
        var missing = page.GetByTestId("missing-columns");
        await missing.GetByLabel("Session date").FillAsync(date);
        await missing.GetByLabel("Session date").PressAsync("Tab");
        await missing.GetByLabel("Start time").FillAsync(time);
        await missing.GetByLabel("Start time").PressAsync("Tab");
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
            page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Choose (a|another) file$") }).ClickAsync());
        await (file switch
        {
            string path => chooser.SetFilesAsync(path),
            FilePayload payload => chooser.SetFilesAsync(payload),
            _ => throw new ArgumentException("A path or a payload.", nameof(file)),
        });
    }

    private static ILocator Kpi(IPage page, string key) => page.Locator($"[data-kpi={key}]");

    private static ILocator ValueRow(IPage page, string field, string value) => page.Locator($"[data-values={field}] [data-value=\"{value}\"]");

    private static ILocator ValueSelect(IPage page, string field, string value) => ValueRow(page, field, value).Locator(".im-select");

    private static async Task ExpectValueAsync(IPage page, string field, string value, string count, string meaning)
    {
        var row = ValueRow(page, field, value);
        await Expect(row).ToContainTextAsync(count);
        await Expect(ValueSelect(page, field, value)).ToContainTextAsync(meaning);
    }

    /// <summary>The worked example as a connpass participant list, with the session columns an organizer adds when combining events' lists.</summary>
    private static byte[] ConnpassStyle(string canonicalPath)
    {
        static string Email(string email)
            => email.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToLowerInvariant().Replace("@example.com", "@connpass.example", StringComparison.Ordinal);
        static string Account(string email) => Email(email).Replace('@', '_').Replace('.', '_');
        var lines = File.ReadAllLines(canonicalPath, System.Text.Encoding.UTF8);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var csv = new System.Text.StringBuilder("開催日時,イベント名,開催形式,言語,開催ステータス,参加枠名,ユーザー名,表示名,メールアドレス,参加ステータス,出欠ステータス,受付番号\n");
        var number = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = SplitCsv(line);
            string Cell(string name) => cells[Col(name)];
            csv.AppendJoin(',',
                Cell("session_start").Replace('T', ' '),
                Quote(Cell("session_title")),
                Cell("session_format") switch { "online" => "オンライン", "hybrid" => "ハイブリッド", _ => "オフライン" },
                Cell("session_languages"),
                Cell("session_status") == "cancelled" ? "中止" : "開催",
                "一般枠",
                // One connpass account per person (people are matched by it; the e-mail question is kept with them).
                Account(Cell("email")),
                Quote(Cell("name")),
                // Other people than the canonical file's (who may be imported into another event of this app).
                Email(Cell("email")),
                Cell("rsvp") switch { "confirmed" => "参加", "cancelled" => "キャンセル", "waitlisted" => "補欠", _ => "" },
                Cell("attended") == "yes" ? "出席" : "",
                ++number).Append('\n');
        }
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One line of the example: commas inside quotes do not split, doubled quotes are one.</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

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
