using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>The import screen: other tools' files guessed, checked, previewed and imported, then the dashboard's figures.</summary>
public class ImportScreenTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
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
        var screen = new ImportScreen(page);

        // A connpass-style export with Japanese headers: guessed, checked, and refused with every problem before anything is written.
        await screen.ChooseFileAsync(new FilePayload
        {
            Name = "connpass.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("開催日時,メールアドレス,表示名,出欠\n2018-09-02 14:00,a@example.com,A,yes\n2018-13-40 14:00,b@example.com,B,maybe\n"),
        });
        await Expect(screen.Column("attended")).ToContainTextAsync("出欠");
        // 'maybe' is nobody's known value: it stays unchosen, so the check reports its row.
        await Expect(screen.ValueRow("attended", "maybe")).ToContainTextAsync("not chosen");
        await screen.CheckAsync();
        await Expect(page.GetByText("The file has 2 problem(s); nothing was written.", new() { Exact = false })).ToBeVisibleAsync();
        var errors = screen.Errors;
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
        await screen.ChooseFileAsync(ExampleCsv);
        await Expect(screen.FileName).ToContainTextAsync("attendance.csv");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Match the columns" })).ToBeVisibleAsync();
        await Expect(screen.Column("session_start")).ToContainTextAsync("e.g. 2018-09-02T14:00");
        await Expect(screen.Column("email")).ToContainTextAsync("alice@example.com");
        await page.ScreenshotAsync(new() { Path = Artifact("import-mapping.png"), FullPage = true });

        // Check: every row is valid; the preview says what will be created before anything is written.
        await screen.CheckAsync();
        await Expect(page.GetByText("All 40 rows can be imported.")).ToBeVisibleAsync();
        var counts = screen.PreviewCounts;
        await Expect(counts).ToContainTextAsync("new sessions (of 8 in the file)");
        await Expect(counts).ToContainTextAsync("new people (of 13 in the file)");
        await using (var db = fixture.App.Factory.CreateDbContext())
        {
            Assert.Equal(0, await db.Sessions.CountAsync(s => s.EventId == eventId));
        }
        await page.ScreenshotAsync(new() { Path = Artifact("import-preview.png"), FullPage = true });

        // Import, then the outcome and the way to the dashboard.
        await screen.ImportAsync();
        var outcome = screen.Outcome;
        await Expect(outcome).ToContainTextAsync("8 sessions created", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Artifact("import-done.png"), FullPage = true });
        var dashboard = await screen.SeeWhoComesBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/events/{eventId}/retention$"));

        // The worked example's figures (tests/Meetup.Tests/TestData/retention-example/expected.json).
        await Expect(dashboard.Kpi("returnRate")).ToContainTextAsync("65.2%");
        await Expect(dashboard.Kpi("firstTimerReturnRate")).ToContainTextAsync("60%");
        await Expect(dashboard.Kpi("uniqueAttendees")).ToContainTextAsync("11");
        await Expect(dashboard.Kpi("regulars")).ToContainTextAsync("4");
        await Expect(dashboard.Kpi("atRisk")).ToContainTextAsync("1");
        await Expect(dashboard.RangeSummary).ToContainTextAsync("5 sessions, 2 Sep 2018 – 24 Oct 2018");

        // The figures as files: this period's retention.csv, and the history in the import format.
        await dashboard.OpenDownloadsAsync();
        var figures = dashboard.FiguresDownload;
        await Expect(figures).ToContainTextAsync("Figures per session");
        var figuresCsv = await page.APIRequest.GetAsync((await figures.GetAttributeAsync("href"))!);
        Assert.Equal(200, figuresCsv.Status);
        Assert.Contains("returnRate", await figuresCsv.TextAsync(), StringComparison.Ordinal);
        var history = await page.APIRequest.GetAsync((await dashboard.HistoryDownload.GetAttributeAsync("href"))!);
        Assert.StartsWith("session_start", (await history.TextAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");

        // The return-rate table: the last session is pending, not 0%.
        var returnRateRows = await dashboard.ReturnRateRowsAsync();
        var lastRow = returnRateRows.Last;
        await Expect(lastRow).ToContainTextAsync("Kata Containers");
        await Expect(lastRow).ToContainTextAsync("pending");
        await Expect(returnRateRows.First).ToContainTextAsync("60%");

        // At risk: Chen, who links to their history.
        var atRisk = dashboard.AtRisk;
        await Expect(atRisk).ToContainTextAsync("chen@example.com");
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-imported-1280.png"), FullPage = true });
        await atRisk.GetByRole(AriaRole.Link, new() { Name = "陈晨 (Chen Chen)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "陈晨 (Chen Chen)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("history-summary")).ToContainTextAsync("Came to 3 of");
        await page.ScreenshotAsync(new() { Path = Artifact("person-history-1280.png"), FullPage = true });

        // The same browser on a phone-sized page: the mapping stacks, and the saved mapping comes back for a file with the same columns.
        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        var phoneScreen = await ImportScreen.GotoAsync(phone, eventId);
        await phoneScreen.ChooseFileAsync(ExampleCsv);
        await Expect(phoneScreen.SameColumnsAsLastTime).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Artifact("import-mapping-390.png"), FullPage = true });
    }

    [Fact]
    public async Task Organizer_imports_a_connpass_export_after_confirming_what_its_values_mean()
    {
        var eventId = await NewEventAsync("Kubernetes Study connpass", "kubernetes-study-connpass");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var screen = await ImportScreen.GotoAsync(page, eventId);

        // The worked example as connpass writes it: Japanese columns and statuses, UTF-8 with a byte order mark.
        await screen.ChooseFileAsync(new FilePayload { Name = "connpass-participants.csv", MimeType = "text/csv", Buffer = ConnpassStyle(ExampleCsv) });
        await Expect(screen.Column("rsvp")).ToContainTextAsync("参加ステータス");
        await Expect(screen.Column("attended")).ToContainTextAsync("出欠ステータス");

        // Each foreign value is listed with its count and a guessed meaning.
        var values = screen.ValueMapping;
        await Expect(values.GetByRole(AriaRole.Heading, new() { Name = "What the values mean" })).ToBeVisibleAsync();
        await screen.ExpectValueAsync("rsvp", "参加", "36 rows", "confirmed");
        await screen.ExpectValueAsync("rsvp", "キャンセル", "1 row", "cancelled");
        await screen.ExpectValueAsync("attended", "出席", "28 rows", "attended");
        await screen.ExpectValueAsync("attended", "", "12 rows", "did not attend");
        await screen.ExpectValueAsync("session_status", "中止", "2 rows", "cancelled");
        await screen.ExpectValueAsync("session_format", "オンライン", "8 rows", "Online");
        await screen.ExpectValueAsync("session_format", "ハイブリッド", "6 rows", "Hybrid");
        // Tall enough that the fixed app bar covers nothing of the step.
        await page.SetViewportSizeAsync(1280, 2400);
        await values.ScreenshotAsync(new() { Path = Artifact("import-values.png") });
        await page.SetViewportSizeAsync(1280, 800);

        // Checked and previewed through the meanings; then imported.
        await screen.CheckAsync();
        await Expect(page.GetByText("All 40 rows can be imported.")).ToBeVisibleAsync();
        await Expect(screen.PreviewCounts).ToContainTextAsync("new sessions (of 8 in the file)");
        await screen.ImportAsync();
        var outcome = screen.Outcome;
        await Expect(outcome).ToContainTextAsync("8 sessions created", new() { Timeout = 20_000 });
        await Expect(outcome).ToContainTextAsync("13 people created, 37 RSVPs and 28 check-ins written");

        // The same figures as the canonical file: the meanings were right.
        var dashboard = await screen.SeeWhoComesBackAsync();
        await Expect(dashboard.Kpi("returnRate")).ToContainTextAsync("65.2%");
        await Expect(dashboard.Kpi("firstTimerReturnRate")).ToContainTextAsync("60%");
        await Expect(dashboard.Kpi("uniqueAttendees")).ToContainTextAsync("11");
        await Expect(dashboard.Kpi("regulars")).ToContainTextAsync("4");
        await Expect(dashboard.Kpi("atRisk")).ToContainTextAsync("1");

        // The next export from connpass: columns and meanings come back, a value changed by hand stays changed.
        await ImportScreen.GotoAsync(page, eventId);
        await screen.ChooseFileAsync(new FilePayload { Name = "connpass-participants.csv", MimeType = "text/csv", Buffer = ConnpassStyle(ExampleCsv) });
        await Expect(screen.SameColumnsAsLastTime).ToBeVisibleAsync();
        await screen.ExpectValueAsync("attended", "", "12 rows", "did not attend");
        await screen.ChooseMeaningAsync("attended", "出席", "did not attend");
        await screen.ExpectValueAsync("attended", "出席", "28 rows", "did not attend");
        await page.SetViewportSizeAsync(390, 2400);
        await values.ScreenshotAsync(new() { Path = Artifact("import-values-390.png") });
    }

    [Fact]
    public async Task A_luma_guest_list_reads_its_check_in_times_as_attended()
    {
        var eventId = await NewEventAsync("Kubernetes Study Luma", "kubernetes-study-luma");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var screen = await ImportScreen.GotoAsync(page, eventId);

        await screen.ChooseFileAsync(new FilePayload
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
        var attended = screen.Values("attended");
        await Expect(attended.GetByRole(AriaRole.Radio, new() { Name = "Filled in (a check-in time, say) means attended; empty means not" })).ToBeCheckedAsync();
        await Expect(attended.GetByTestId("filled-counts")).ToContainTextAsync("Filled in: 1 row, attended. Empty: 3 rows, did not attend.");
        await screen.ExpectValueAsync("rsvp", "approved", "2 rows", "confirmed");
        await screen.ExpectValueAsync("rsvp", "waitlist", "1 row", "waitlisted");
        await screen.ExpectValueAsync("rsvp", "declined", "1 row", "cancelled");
        await page.SetViewportSizeAsync(1280, 1600);
        await screen.ValueMapping.ScreenshotAsync(new() { Path = Artifact("import-values-luma.png") });

        await screen.CheckAsync();
        await Expect(page.GetByText("All 4 rows can be imported.")).ToBeVisibleAsync();
        var counts = screen.PreviewCounts;
        await Expect(counts.Locator("div", new() { HasText = "check-ins" })).ToContainTextAsync("1");
        await Expect(counts.Locator("div", new() { HasText = "RSVPs" })).ToContainTextAsync("4");
    }

    [Fact]
    public async Task Two_shift_jis_connpass_lists_without_email_or_date_import_as_two_sessions_of_the_same_people()
    {
        var eventId = await NewEventAsync("Kubernetes Study per event", "kubernetes-study-per-event");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var screen = await ImportScreen.GotoAsync(page, eventId);

        // connpass's participant list of the first session, as it downloads: Shift_JIS, no e-mail, no date.
        await screen.ChooseFileAsync(new FilePayload { Name = "event_1_participants.csv", MimeType = "text/csv", Buffer = ConnpassPerEvent(FirstSession) });
        await Expect(screen.FileEncoding).ToContainTextAsync("Read as Japanese (Shift_JIS)");
        await Expect(screen.Column("name")).ToContainTextAsync("表示名");

        // Read as UTF-8 on purpose: the bytes are not, and the screen says where; back to Shift_JIS.
        await screen.ChooseEncodingAsync("Unicode (UTF-8)");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Line 1 is not Unicode (UTF-8) text");
        await page.ScreenshotAsync(new() { Path = Artifact("import2-encoding.png") });
        await screen.ChooseEncodingAsync("Japanese (Shift_JIS)");
        await Expect(screen.Column("name")).ToContainTextAsync("表示名");

        // No start column: every row is one session. No e-mail column: people are their connpass user names.
        var missing = screen.MissingColumns;
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

        await screen.CheckAsync();
        await Expect(page.GetByText("All 4 rows can be imported.")).ToBeVisibleAsync();
        await Expect(screen.PreviewCounts).ToContainTextAsync("new sessions (of 1 in the file)");
        await page.GetByText("New people (4)").ClickAsync();
        await Expect(page.Locator(".mud-expand-panel", new() { HasText = "New people (4)" })
            .GetByRole(AriaRole.Cell, new() { Name = "taro_y (connpass)", Exact = true })).ToBeVisibleAsync();
        await screen.ImportAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("import2-preview.png"), FullPage = true });
        var outcome = screen.Outcome;
        await Expect(outcome).ToContainTextAsync("4 people created", new() { Timeout = 20_000 });

        // The next session's list: the columns and the site come back; the start is the organizer's again.
        await ImportScreen.GotoAsync(page, eventId);
        await screen.ChooseFileAsync(new FilePayload { Name = "event_2_participants.csv", MimeType = "text/csv", Buffer = ConnpassPerEvent(SecondSession) });
        await Expect(screen.SameColumnsAsLastTime).ToBeVisibleAsync();
        await Expect(screen.MissingColumns.GetByLabel("Site", new() { Exact = true })).ToHaveValueAsync("connpass");
        await screen.FillStartAsync("2018-10-07", "14:00");
        await page.SetViewportSizeAsync(390, 2400);
        await screen.MissingColumns.ScreenshotAsync(new() { Path = Artifact("import2-per-event-390.png") });
        await page.SetViewportSizeAsync(1280, 800);
        await screen.CheckAsync();
        await Expect(screen.PreviewCounts).ToContainTextAsync("new people (of 3 in the file)");
        await Expect(screen.PreviewCounts.Locator("div", new() { HasText = "new people" }).Locator(".kpi-value")).ToHaveTextAsync("0");
        await screen.ImportAsync();
        await Expect(outcome).ToContainTextAsync("0 people created", new() { Timeout = 20_000 });

        // taro_y came to both: half of the first session's attendees came back.
        var dashboard = await screen.SeeWhoComesBackAsync();
        await Expect(dashboard.Kpi("returnRate")).ToContainTextAsync("50%");
        await Expect(dashboard.Kpi("uniqueAttendees")).ToContainTextAsync("3");
        var returnRateRows = await dashboard.ReturnRateRowsAsync();
        await Expect(returnRateRows.First).ToContainTextAsync("50%");
        await Expect(returnRateRows.First).ToContainTextAsync("Kubernetes 入門 #1");
        await page.ScreenshotAsync(new() { Path = Artifact("import2-dashboard.png"), FullPage = true });

        // The same list again: nothing to change, and no Import button that would do nothing.
        await ImportScreen.GotoAsync(page, eventId);
        await screen.ChooseFileAsync(new FilePayload { Name = "event_2_participants.csv", MimeType = "text/csv", Buffer = ConnpassPerEvent(SecondSession) });
        await screen.FillStartAsync("2018-10-07", "14:00");
        await screen.CheckAsync();
        await Expect(screen.PreviewNothing).ToBeVisibleAsync();
        await Expect(page.GetByText("rows can be imported.")).ToHaveCountAsync(0);
        await Expect(screen.ImportButton).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_file_of_thousands_of_bad_lines_lists_the_first_thousand_problems_and_says_how_many_more()
    {
        var eventId = await NewEventAsync("Kubernetes Study bad file", "kubernetes-study-bad-file");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var screen = await ImportScreen.GotoAsync(page, eventId);
        var csv = new System.Text.StringBuilder("session_start,email,attended\n");
        for (var i = 0; i < 1_500; i++)
        {
            csv.Append("x,y,z\n"); // three problems a line
        }

        await screen.ChooseFileAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv.ToString()) });
        await screen.CheckAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "problem(s)" })).ToContainTextAsync("The file has 4500 problem(s)", new() { Timeout = 30_000 });
        await Expect(screen.MoreErrors).ToHaveTextAsync("…and 3500 more (only the first 1000 are listed).");
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

    [Fact]
    public async Task A_Japanese_browser_gets_the_files_problems_in_Japanese()
    {
        var eventId = await NewEventAsync("Go 勉強会 (ja)", "go-study-import-ja");
        var page = await SignedInPageAsync(fixture.Browser, fixture.App.BaseUrl, "ja-JP");
        var screen = await ImportScreen.GotoAsync(page, eventId);

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "ファイルを選択" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "connpass.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("開催日時,メールアドレス,表示名,出欠\n2018-09-02 14:00,a@example.com,A,yes\n2018-13-40 14:00,b@example.com,B,maybe\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "ファイルを確認" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "件の問題" })).ToContainTextAsync("ファイルに2件の問題があるため、何も書き込んでいません。");
        await Expect(screen.Errors).ToHaveCountAsync(2);
        await Expect(screen.Errors.Nth(0)).ToContainTextAsync("「2018-13-40 14:00」は日時ではありません。");
        await Expect(screen.Errors.Nth(1)).ToContainTextAsync("「maybe」はyesでもnoでもありません");
        await page.ScreenshotAsync(new() { Path = Artifact("import-errors-ja.png"), FullPage = true });
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
}
