using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Meetup.E2E.Pages;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>Nothing an organizer types in the session editor is lost: Publish saves it, leaving asks, copies ask to be rewritten.</summary>
public class SessionEditorTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Publish_saves_the_edits_on_screen_and_leaving_with_edits_asks_first()
    {
        var (eventName, draftId) = await SessionAsync("Ownership #1", "2027-01-20T19:30", publish: false);
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var editor = await SessionEditorScreen.GotoAsync(page, draftId);

        await editor.Title.FillAsync("Ownership #1: the borrow checker");
        await editor.StartsAt.FillAsync("18:45");
        await editor.Capacity.FillAsync("44");
        await editor.Venue.FillAsync("Umeda Office 7F");
        await editor.Venue.BlurAsync();
        await Expect(editor.UnsavedChanges).ToBeVisibleAsync();
        await Expect(editor.ScheduleNextButton).ToBeDisabledAsync();

        // A link inside the back office asks first; staying keeps every edit.
        await editor.Breadcrumbs.GetByRole(AriaRole.Link, new() { Name = eventName }).ClickAsync();
        var ask = page.GetByRole(AriaRole.Dialog);
        await Expect(ask).ToContainTextAsync("Leave without saving?");
        await page.ScreenshotAsync(new() { Path = "/tmp/editor-leave-asks.png" });
        await ask.GetByRole(AriaRole.Button, new() { Name = "Stay here" }).ClickAsync();
        await Expect(ask).ToBeHiddenAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/sessions/{draftId}$"));
        await Expect(editor.Title).ToHaveValueAsync("Ownership #1: the borrow checker");

        // Publish with a field wrong: the field says why, nothing is saved or published.
        await editor.Address.FillAsync("");
        await editor.PublishAsync(expectSavingFirst: true);
        await Expect(page.GetByText("An in-person or hybrid session needs the venue's address.")).ToBeVisibleAsync();
        using (var db = fixture.App.Factory.CreateDbContext())
        {
            var untouched = db.Sessions.Single(s => s.Id == draftId);
            Assert.Equal((SessionStatus.Draft, "Ownership #1", 30), (untouched.Status, untouched.Title, untouched.Capacity));
        }

        // Put right, Publish saves what is on screen and publishes it.
        await editor.Address.FillAsync("2-2 Umeda, Osaka");
        await editor.PublishAsync(expectSavingFirst: true);
        await Expect(editor.Published).ToBeVisibleAsync();
        await Expect(editor.UnsavedChanges).ToHaveCountAsync(0);
        // The breadcrumb follows the new title (it kept the loaded one before).
        await Expect(editor.Breadcrumbs).ToContainTextAsync("Ownership #1: the borrow checker");
        await page.ScreenshotAsync(new() { Path = "/tmp/editor-published.png", FullPage = true });
        using (var db = fixture.App.Factory.CreateDbContext())
        {
            var stored = db.Sessions.Single(s => s.Id == draftId);
            Assert.Equal(SessionStatus.Published, stored.Status);
            Assert.Equal(("Ownership #1: the borrow checker", 44, "Umeda Office 7F", "2-2 Umeda, Osaka"), (stored.Title, stored.Capacity, stored.VenueName, stored.VenueAddress));
            Assert.Equal(new DateTime(2027, 1, 20, 9, 45, 0), stored.StartsAt);
        }

        // Closing the tab with an unsaved edit: the browser's own "leave site?" prompt.
        await editor.Capacity.FillAsync("50");
        await editor.Capacity.BlurAsync();
        await Expect(editor.UnsavedChanges).ToBeVisibleAsync();
        // The prompt is switched on by a JS call sent right after that render; one more round trip makes sure it arrived.
        await editor.PreviewTab.ClickAsync();
        await Expect(editor.PreviewTab).ToHaveAttributeAsync("aria-selected", "true");
        var asked = new TaskCompletionSource<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            _ = dialog.DismissAsync();
        };
        await page.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Schedule_next_keeps_the_rsvp_window_before_the_start_moves_it_with_the_start_and_asks_for_new_text()
    {
        var (_, sourceId) = await SessionAsync("Lifetimes #2", "2027-02-10T19:30", publish: true,
            description: "Lifetime elision, with exercises.", opens: "2027-02-03T12:00", closes: "2027-02-10T19:30");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var editor = await SessionEditorScreen.GotoAsync(page, sourceId);

        await editor.ScheduleNextAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lifetimes #3" })).ToBeVisibleAsync();
        await WaitInteractiveAsync(page);

        // Two weeks later, the window in the same place before the start (not the last session's dates).
        await Expect(editor.Date).ToHaveValueAsync("2027-02-24");
        await Expect(editor.RsvpOpensOn).ToHaveValueAsync("2027-02-17");
        await Expect(editor.RsvpClosesOn).ToHaveValueAsync("2027-02-24");
        await Expect(page.GetByText("7 d 7 h 30 min before the start")).ToBeVisibleAsync();
        await Expect(page.GetByText("Copied from Lifetimes #2: make it this session's title.")).ToBeVisibleAsync();
        await Expect(page.GetByText("The description is copied from Lifetimes #2: describe this session.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/editor-copied.png", FullPage = true });

        // A week later: the window follows.
        await editor.SetDateAsync("2027-03-03");
        await Expect(editor.RsvpOpensOn).ToHaveValueAsync("2027-02-24");
        await Expect(editor.RsvpClosesOn).ToHaveValueAsync("2027-03-03");

        // New words: the hints go.
        await editor.Title.FillAsync("Lifetimes #3: variance");
        await editor.Description.FillAsync("Covariance and friends.");
        await Expect(page.GetByText("Copied from Lifetimes #2: make it this session's title.")).ToHaveCountAsync(0);
        await Expect(page.GetByText("The description is copied from Lifetimes #2: describe this session.")).ToHaveCountAsync(0);
        await editor.SaveAsync();
        await Expect(page.GetByText("Session saved.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/editor-copy-saved.png", FullPage = true });

        var draftId = editor.SessionId;
        using var db = fixture.App.Factory.CreateDbContext();
        var stored = db.Sessions.Single(s => s.Id == draftId);
        Assert.Equal(("Lifetimes #3: variance", "Covariance and friends."), (stored.Title, stored.Description));
        Assert.Equal(new DateTime(2027, 3, 3, 10, 30, 0), stored.StartsAt);
        Assert.Equal(new DateTime(2027, 2, 24, 3, 0, 0), stored.RsvpOpensAt);
        Assert.Equal(new DateTime(2027, 3, 3, 10, 30, 0), stored.RsvpClosesAt);
    }

    [Fact]
    public async Task Schedule_next_after_a_past_session_lands_on_the_first_cadence_date_ahead_and_a_past_date_is_flagged()
    {
        // An imported history's last session, long ago: the copy skips the cadence dates gone by (same weekday and time).
        var (_, sourceId) = await SessionAsync("Traits #9", "2025-05-28T19:30", publish: true);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var ahead = new DateTime(2025, 5, 28, 19, 30, 0);
        while (TimeZoneInfo.ConvertTimeToUtc(ahead, tokyo) <= DateTime.UtcNow)
        {
            ahead = ahead.AddDays(14);
        }
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        var editor = await SessionEditorScreen.GotoAsync(page, sourceId);
        await Expect(editor.StartsInThePast).ToHaveCountAsync(0); // a past published session is history, not a mistake

        await editor.ScheduleNextAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Traits #10" })).ToBeVisibleAsync();
        await WaitInteractiveAsync(page);
        await Expect(editor.Date).ToHaveValueAsync(ahead.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DayOfWeek.Wednesday, ahead.DayOfWeek);
        await Expect(editor.StartsInThePast).ToHaveCountAsync(0);

        // A date moved into the past by hand is flagged until a later one is chosen.
        await editor.SetDateAsync("2025-06-11");
        await Expect(editor.StartsInThePast).ToContainTextAsync("This date has passed");
        await editor.SetDateAsync(ahead.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(editor.StartsInThePast).ToHaveCountAsync(0);
    }

    /// <summary>A session in an event of its own (Tokyo, every two weeks), in person at a set venue.</summary>
    private async Task<(string EventName, int SessionId)> SessionAsync(
        string title, string startsAt, bool publish, string? description = null, string? opens = null, string? closes = null)
    {
        using var scope = fixture.App.Factory.Services.CreateScope();
        var name = $"Rust Study {Guid.NewGuid().ToString("N")[..6]}";
        var ev = (await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(new EventInput { Name = name, TimeZone = "Asia/Tokyo", CadenceWeeks = 2 })).Value!;
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        var session = (await sessions.CreateAsync(ev.Id, new SessionInput
        {
            Title = title,
            Description = description,
            StartsAt = startsAt,
            DurationMinutes = 120,
            Format = "in_person",
            VenueName = "Umeda Office 5F",
            VenueAddress = "1-1 Umeda, Osaka",
            Capacity = 30,
            Languages = ["ja"],
            RsvpOpensAt = opens,
            RsvpClosesAt = closes,
        })).Value!;
        if (publish)
        {
            await sessions.PublishAsync(session.Id);
        }
        return (name, session.Id);
    }
}
