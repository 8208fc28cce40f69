using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class SchedulingTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Organizer_plans_an_event_and_a_published_session_with_an_agenda_and_a_new_speaker()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        // A new event.
        await page.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
        await WaitInteractiveAsync(page);
        await page.GetByLabel("Name").First.FillAsync("Rust Study Osaka");
        await page.GetByLabel("Name").First.BlurAsync();
        await Expect(page.GetByLabel("Page address")).ToHaveValueAsync("rust-study-osaka");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/events/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rust Study Osaka" })).ToBeVisibleAsync();

        // A session: the server refuses it until the venue is given, and says so at the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "New session" }).ClickAsync();
        await WaitInteractiveAsync(page);
        var editor = new SessionEditorScreen(page);
        await editor.Title.FillAsync("Ownership #1");
        await editor.Date.FillAsync("2027-01-20");
        await editor.StartsAt.FillAsync("19:30");
        await ChooseAsync(page, editor.Languages, "Japanese");
        await editor.CreateDraftAsync();
        await Expect(page.GetByText("An in-person or hybrid session needs a venue.")).ToBeVisibleAsync();

        await editor.Venue.FillAsync("Umeda Office 5F");
        await editor.Address.FillAsync("1-1 Umeda, Osaka");
        await editor.CreateDraftAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/sessions/\d+$"));
        await Expect(page.GetByText("Draft", new() { Exact = true })).ToBeVisibleAsync();

        // Two agenda items, the second with a speaker created on the spot.
        await editor.AddAgendaItemAsync();
        await editor.AddAgendaItemAsync();
        var titles = editor.AgendaRows.GetByLabel("Title");
        await titles.Nth(1).FillAsync("Borrowing in practice");
        await editor.AgendaRows.Nth(1).GetByRole(AriaRole.Button, new() { Name = "New speaker" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Yamamoto Aoi");
        await dialog.GetByLabel("Company").FillAsync("Ferris Inc.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("agenda-after-speaker.png"), FullPage = true });
        await Expect(editor.AgendaRows.Nth(1).GetByLabel("Speakers")).ToHaveValueAsync("Yamamoto Aoi");
        await Expect(page.GetByText("100 of 120 minutes planned")).ToBeVisibleAsync();
        await editor.SaveAgendaAsync();
        await Expect(page.GetByText("Agenda saved.")).ToBeVisibleAsync();

        // Publish, confirmed in a dialog.
        await editor.PublishAsync();
        await Expect(editor.Published).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("session-editor.png"), FullPage = true });

        // It is in the database as the organizer left it.
        await using var db = fixture.App.Factory.CreateDbContext();
        var stored = db.Sessions.Single(s => s.Title == "Ownership #1");
        Assert.Equal(Meetup.Data.Entities.SessionStatus.Published, stored.Status);
        Assert.Equal(new DateTime(2027, 1, 20, 10, 30, 0, DateTimeKind.Utc), stored.StartsAt);
        var agenda = db.AgendaItems.Where(a => a.SessionId == stored.Id).OrderBy(a => a.Position).Select(a => new { a.Title, Speakers = a.Speakers.Select(s => s.Name).ToList() }).ToList();
        Assert.Equal(["Review of the last session", "Borrowing in practice"], agenda.Select(a => a.Title));
        Assert.Equal(["Yamamoto Aoi"], agenda[1].Speakers);

        // An anonymous visitor without JavaScript sees it with its agenda…
        var visitor = await fixture.NewPageAsync(javaScript: false, width: 360, height: 740);
        var publicPage = await visitor.GotoAsync($"/events/rust-study-osaka/sessions/{stored.Id}");
        Assert.Equal(200, publicPage!.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Ownership #1" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Borrowing in practice")).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Yamamoto Aoi" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Umeda Office 5F")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync(new() { Path = Artifact("public-session-360.png"), FullPage = true });

        // …but not the draft that "Schedule next" creates.
        await editor.ScheduleNextAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex($"/admin/sessions/{stored.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ownership #2" })).ToBeVisibleAsync();
        var draftId = editor.SessionId;
        var draftPage = await visitor.GotoAsync($"/events/rust-study-osaka/sessions/{draftId}");
        Assert.Equal(404, draftPage!.Status);
        await visitor.GotoAsync("/events/rust-study-osaka");
        await Expect(visitor.GetByText("Ownership #1").First).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Ownership #2")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_month_calendar_shows_the_demo_communitys_next_session()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        await GotoAsync(page, "/admin/calendar");

        await Expect(page.Locator(".month-grid")).ToBeVisibleAsync();
        // The demo's upcoming session is 10+ days ahead: it is this month or next.
        var found = await page.Locator(".month-entry").CountAsync() > 0;
        if (!found)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
        }
        await Expect(page.Locator(".month-entry").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("calendar.png"), FullPage = true });
    }
}
