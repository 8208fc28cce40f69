using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

/// <summary>
/// A sent email holds an address, a name and a manage link. After Notifications:KeepSentDays the row keeps only what
/// it was (kind, ids, times) so counts stay true; messages not yet sent are never touched.
/// </summary>
public class OutboxForgettingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sent_messages_older_than_the_keep_period_lose_their_personal_content_and_nothing_else_does(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetup-tests", $"outbox-{Guid.NewGuid():N}");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, new Dictionary<string, string?>
        {
            ["Notifications:Enabled"] = "false",
            ["Notifications:Directory"] = folder,
            ["Notifications:KeepSentDays"] = "30",
        });
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(60));
        await RsvpAsync(app.Client(), session.Id, "Old", "old@example.com");
        await MailKit.DrainAsync(app.Factory);
        time.Advance(TimeSpan.FromDays(31));
        await RsvpAsync(app.Client(), session.Id, "New", "new@example.com");
        await MailKit.DrainAsync(app.Factory);

        var forgotten = await app.Factory.Services.GetRequiredService<OutboxSender>().ForgetOldAsync();

        Assert.Equal(1, forgotten);
        await using var db = app.Factory.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var old = Assert.Single(rows, o => o.Kind == NotificationKind.RsvpConfirmed && o.SentAt < time.GetUtcNow().UtcDateTime.AddDays(-30));
        Assert.Equal("", old.Recipient);
        Assert.Equal("{}", old.Payload);
        Assert.Null(old.Subject);
        Assert.Null(old.TextBody);
        Assert.Null(old.HtmlBody);
        Assert.Null(old.Attachments);
        Assert.NotNull(old.SentAt);
        Assert.Equal(session.Id, old.SessionId);
        var fresh = Assert.Single(rows, o => o.Kind == NotificationKind.RsvpConfirmed && o.Id != old.Id);
        Assert.Equal("new@example.com", fresh.Recipient);
        Assert.NotNull(fresh.TextBody);
        // The old attendee's reminder is not due yet: kept whole, however old the row.
        var reminder = Assert.Single(rows, o => o.Kind == NotificationKind.Reminder && o.AttendeeId == old.AttendeeId);
        Assert.Equal("old@example.com", reminder.Recipient);
        Assert.Null(reminder.SentAt);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_written_back_after_its_person_erased_their_data_is_blanked_again_whatever_its_age(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, time.GetUtcNow().AddDays(60));
        var erased = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Gone", "gone@example.com"));
        await RsvpAsync(app.Client(), session.Id, "Stays", "stays@example.com");
        await MailKit.DrainAsync(app.Factory);
        (await app.Client().PostAsync($"/api/rsvps/{erased.ManageToken}/erase", null)).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            // The sender was sending it at that moment and saved what it had rendered after the erasure blanked it.
            var gone = await db.Attendees.Where(a => a.ErasedAt != null).Select(a => a.Id).SingleAsync();
            var raced = await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed && o.AttendeeId == gone && o.Recipient == "");
            raced.Recipient = "gone@example.com";
            raced.Subject = "Confirmed: for Gone";
            await db.SaveChangesAsync();
        }

        await app.Factory.Services.GetRequiredService<OutboxSender>().ForgetOldAsync();

        await using var after = app.Factory.CreateDbContext();
        var rows = await after.OutboxMessages.Where(o => o.Kind == NotificationKind.RsvpConfirmed).ToListAsync();
        Assert.Single(rows, o => o.Recipient == "" && o.Subject == null);
        Assert.Single(rows, o => o.Recipient == "stays@example.com" && o.Subject != null); // a week-old message of someone else stays
    }
}
