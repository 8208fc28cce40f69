using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Meetup.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class DoorCheckInTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task A_door_helper_finds_someone_by_name_on_a_phone_and_checks_them_in_then_undoes_it()
    {
        await fixture.RsvpAsync("Tanaka Hanako", "hanako@example.com");
        await fixture.RsvpAsync("Gao Lin", "gao@example.com");
        var door = await SignedInDoorScreenAsync();
        var page = door.Page;
        var before = await door.CheckedIn.InnerTextAsync();

        await door.Search.FillAsync("tanaka");
        await door.Person("Tanaka Hanako").ClickAsync();

        await Expect(door.Result).ToContainTextAsync("Checked in: Tanaka Hanako");
        await Expect(door.CheckedIn).ToHaveTextAsync((int.Parse(before, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("door-360.png"), FullPage = false });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "Nothing overflows a 360 px screen.");
        var box = await door.CheckInButton.BoundingBoxAsync();
        Assert.True(box!.Height >= 44, "Touch targets are at least 44 px high.");

        await door.UndoAsync();
        await Expect(door.CheckedIn).ToHaveTextAsync(before);
    }

    [Fact]
    public async Task Two_helpers_see_each_others_check_ins_within_two_seconds()
    {
        var code = await fixture.RsvpAsync("Kim Minjun", "minjun@example.com");
        var first = await SignedInDoorScreenAsync();
        var second = await SignedInDoorScreenAsync();
        var before = await second.CheckedInCountAsync();

        await first.CheckInCodeAsync(code.ToLowerInvariant());
        await Expect(first.Result).ToContainTextAsync("Checked in: Kim Minjun");

        await Expect(second.CheckedIn).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 2000 });
    }

    [Fact]
    public async Task A_walk_in_is_added_and_checked_in_at_once()
    {
        var door = await SignedInDoorScreenAsync();

        await door.AddWalkInAsync("Newcomer Chen", "chen.walkin@example.com");

        await Expect(door.Result).ToContainTextAsync("Checked in: Newcomer Chen (walk-in)");
    }

    [Fact]
    public async Task Where_the_phone_reads_QR_codes_the_camera_scans_the_attendees_code_and_checks_them_in()
    {
        var code = await fixture.RsvpAsync("Sato Ken", "ken@example.com");
        var qr = RsvpLinks.CheckInQr(fixture.App.BaseUrl, fixture.SessionId, code);
        var door = await SignedInDoorScreenAsync(cameraSees: qr);

        await door.ScanButton.ClickAsync();

        await Expect(door.Result).ToContainTextAsync("Checked in: Sato Ken");
        await Expect(door.ScanButton).ToBeVisibleAsync();
        Assert.False(await door.Page.EvaluateAsync<bool>("window.__cameraOn()"), "The camera is switched off after a scan.");
        await using var db = fixture.App.Factory.CreateDbContext();
        var method = await db.CheckIns.Where(c => c.SessionId == fixture.SessionId && c.Attendee!.Email == "ken@example.com").Select(c => c.Method).SingleAsync();
        Assert.Equal(CheckInMethod.Qr, method);
    }

    [Fact]
    public async Task Where_the_browser_cannot_read_QR_codes_no_scan_button_is_offered()
    {
        var door = await SignedInDoorScreenAsync();

        Assert.False(await door.Page.EvaluateAsync<bool>("'BarcodeDetector' in window"), "Debian's Chromium has no QR reader of its own.");
        await Expect(door.Code).ToBeVisibleAsync();
        await Expect(door.ScanButton).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_door_helper_signing_in_lands_on_the_sessions_to_check_in_not_on_not_for_your_role()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await (await SignInScreen.GotoAsync(page)).SubmitAsync(RsvpAppFixture.DoorEmail, RsvpAppFixture.DoorPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/admin/checkin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check-in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Not for your role")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check-in" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_unknown_code_message_goes_away_when_the_helper_searches_by_name()
    {
        await fixture.RsvpAsync("Suzuki Ichiro", "ichiro@example.com");
        var door = await SignedInDoorScreenAsync();

        await door.CheckInCodeAsync("ZZZ-ZZZ");
        await Expect(door.Result).ToContainTextAsync("Nobody with this code");

        await door.Search.PressSequentiallyAsync("suzu");

        await Expect(door.Result).ToHaveCountAsync(0);
        await Expect(door.Person("Suzuki Ichiro")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_a_focused_field_is_never_hidden_under_the_sticky_title_when_scrolled()
    {
        var session = await fixture.NewSessionAsync(capacity: 40, title: "Long list night");
        for (var i = 1; i <= 24; i++)
        {
            await fixture.RsvpAsync($"Person {i:00}", $"person{i:00}.scroll@example.com", session);
        }
        var door = await SignedInDoorScreenAsync(sessionId: session);
        var page = door.Page;
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("door-390-top.png") });
        var code = door.Code;
        var search = door.Search;

        foreach (var (field, name) in new[] { (code, "code"), (search, "search") })
        {
            // Scroll the field up to just under the app bar, where a sticky title would lie over it, then focus it
            // as a keyboard (or the phone's "next field" key) does.
            await field.EvaluateAsync("el => window.scrollBy(0, el.getBoundingClientRect().top - 70)");
            await field.FocusAsync();
            await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"door-390-focus-{name}.png") });

            Assert.True(await UncoveredAsync(field), $"The focused {name} field is visible, not under the sticky title or the app bar.");
        }

        // Checked in from far down the list: the result shows in the sticky head, in view.
        await door.Person("Person 20").ClickAsync();
        await Expect(door.Result).ToContainTextAsync("Checked in: Person 20");
        Assert.True(await door.Result.EvaluateAsync<bool>("el => { const r = el.getBoundingClientRect(); return r.top >= 56 && r.bottom <= window.innerHeight; }"),
            "The result of a check-in far down the list is in view.");
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("door-390-scrolled-result.png") });
    }

    [Fact]
    public async Task The_counter_tells_confirmed_check_ins_from_walk_ins()
    {
        var session = await fixture.NewSessionAsync(capacity: 3, title: "Small room");
        var codes = new List<string>();
        foreach (var n in new[] { "Abe", "Baba", "Chiba" })
        {
            codes.Add(await fixture.RsvpAsync($"{n} Taro", $"{n.ToLowerInvariant()}.count@example.com", session));
        }
        foreach (var code in codes.Take(2))
        {
            (await fixture.Api.PostAsJsonAsync($"/api/sessions/{session}/checkins", new { code })).EnsureSuccessStatusCode();
        }
        var door = await SignedInDoorScreenAsync(sessionId: session);

        await door.AddWalkInAsync("Newcomer Mori", "mori.walkin@example.com");
        await Expect(door.Result).ToContainTextAsync("Checked in: Newcomer Mori (walk-in)");

        // Chiba is still outside: the walk-in does not make it look like everyone came.
        await Expect(door.Count).ToHaveTextAsync(new Regex(@"^\s*2\s*of 3 confirmed checked in\s*·\s*1 walk-in\s*$"));
        await Expect(door.WalkIns).ToHaveTextAsync("1 walk-in");
        await door.Page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("door-390-counts.png") });
    }

    // Whether the element at the field's centre is the field itself (nothing lies over it) and it is on screen.
    private static Task<bool> UncoveredAsync(ILocator field) => field.EvaluateAsync<bool>("""
        el => {
          const r = el.getBoundingClientRect();
          const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 10);
          return r.top >= 0 && r.bottom <= window.innerHeight && document.elementFromPoint(x, y) === el;
        }
        """);

    /// <summary>
    /// Chromium on Linux has no BarcodeDetector (phones do). With <paramref name="cameraSees"/> the page gets a stand-in
    /// that reports that QR text once real frames arrive from the (synthetic) camera, so the page's own path runs:
    /// permission, camera stream, detection loop, check-in, camera off.
    /// </summary>
    private async Task<DoorScreen> SignedInDoorScreenAsync(string? cameraSees = null, int? sessionId = null)
    {
        var page = await fixture.NewPageAsync(width: sessionId is null ? 360 : 390, height: sessionId is null ? 740 : 844);
        if (cameraSees is not null)
        {
            await page.Context.GrantPermissionsAsync(["camera"]);
            await page.AddInitScriptAsync($$"""
                (() => {
                  const seen = {{System.Text.Json.JsonSerializer.Serialize(cameraSees)}};
                  const tracks = [];
                  const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                  navigator.mediaDevices.getUserMedia = async c => { const s = await open(c); tracks.push(...s.getTracks()); return s; };
                  window.__cameraOn = () => tracks.some(t => t.readyState === "live");
                  window.BarcodeDetector = class {
                    constructor(options) { this.formats = options?.formats ?? []; }
                    static async getSupportedFormats() { return ["qr_code"]; }
                    async detect(video) {
                      return video.readyState >= 2 && video.videoWidth > 0 ? [{ rawValue: seen, format: "qr_code" }] : [];
                    }
                  };
                })();
                """);
        }
        return await DoorScreen.SignInAsync(page, sessionId ?? fixture.SessionId, RsvpAppFixture.DoorEmail, RsvpAppFixture.DoorPassword);
    }
}
