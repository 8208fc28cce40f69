using Meetup.Data.Entities;
using Meetup.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>An imported account and the person who later came with an email become one record, in the browser.</summary>
public class DuplicatesTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Organizer_keeps_the_person_with_the_email_and_the_imported_account_merges_into_them()
    {
        var (eventId, person, account) = await ImportedTwinAsync();
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        await GotoAsync(page, $"/admin/events/{eventId}/duplicates");
        var group = page.GetByTestId("duplicate-group").Filter(new() { HasText = "(connpass)" });
        await Expect(group).ToContainTextAsync("Same account name");
        await Expect(group).ToContainTextAsync(person.Email!);
        await page.ScreenshotAsync(new() { Path = Artifact("duplicates.png"), FullPage = true });
        await group.GetByRole(AriaRole.Button, new() { Name = $"Keep {person.DisplayName} and merge the others into them" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("This cannot be undone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        await Expect(page.GetByText($"Merged account_twin into {person.DisplayName}.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("duplicate-group").Filter(new() { HasText = "(connpass)" })).ToHaveCountAsync(0);
        await using (var db = fixture.App.Factory.CreateDbContext())
        {
            Assert.False(await db.Attendees.AnyAsync(a => a.Id == account));
            Assert.Equal(2, await db.CheckIns.CountAsync(c => c.AttendeeId == person.Id && c.Method == CheckInMethod.Import));
        }

        // The person's page now carries the account's sessions and names the account.
        await GotoAsync(page, $"/admin/attendees/{person.Id}");
        await Expect(page.GetByTestId("aliases")).ToHaveTextAsync("Also known as: account_twin (connpass)");
        await Expect(page.GetByTestId("same-person")).ToBeVisibleAsync();
    }

    /// <summary>A demo person, and an imported connpass account of theirs with two sessions they are not yet counted at.</summary>
    private async Task<(int EventId, Attendee Person, int AccountId)> ImportedTwinAsync()
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        var eventId = await db.Events.Where(e => e.Slug == DemoSeeder.EventSlug).Select(e => e.Id).SingleAsync();
        var person = await db.Attendees.OrderBy(a => a.Id).FirstAsync(a => a.Email != null);
        person.Email = "account_twin@example.com";
        var sessions = await db.Sessions
            .Where(s => s.EventId == eventId && s.StartsAt < DateTime.UtcNow && !s.CheckIns.Any(c => c.AttendeeId == person.Id) && !s.Rsvps.Any(r => r.AttendeeId == person.Id))
            .OrderBy(s => s.StartsAt).Take(2).ToListAsync();
        var account = new Attendee { Email = "account_twin@connpass.invalid", DisplayName = "account_twin", CreatedAt = DateTime.UtcNow };
        db.Attendees.Add(account);
        await db.SaveChangesAsync();
        db.CheckIns.AddRange(sessions.Select(s => new CheckIn { SessionId = s.Id, AttendeeId = account.Id, At = s.StartsAt, Method = CheckInMethod.Import }));
        await db.SaveChangesAsync();
        return (eventId, person, account.Id);
    }
}
