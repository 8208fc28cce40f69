using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// A large send is written in short chunks: one that stops mid-way (the process ends) is finished by the next sender,
/// and two senders finishing it at once still email each person exactly once.
/// </summary>
public class AnnouncementResumeTests
{
    private const int People = 25;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_stopped_after_its_first_chunk_is_finished_later_and_emails_each_person_once(string provider)
    {
        var (app, id) = await InterruptedAsync(provider);
        await using (app)
        {
            Assert.Equal(People - 10, await SendDueAsync(app, chunk: 10));
            Assert.Equal(0, await SendDueAsync(app, chunk: 10)); // finished: nothing more
            await AssertEachOnceAsync(app, id);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_senders_finishing_a_stopped_send_at_once_email_each_person_once(string provider)
    {
        var (app, id) = await InterruptedAsync(provider);
        await using (app)
        {
            var racers = await Task.WhenAll(SendDueAsync(app, chunk: 3), SendDueAsync(app, chunk: 3));
            Assert.Equal(People - 10, racers.Sum());
            await AssertEachOnceAsync(app, id);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_now_joined_mid_way_by_the_loop_still_answers_with_everyone_it_goes_to(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: ev.Id);
        await AnnouncementApiTests.FollowersAsync(app, ev.Id,
            [.. Enumerable.Range(1, People).Select(i => ($"P{i}", $"p{i}@example.com", (string?)null, SubscriptionStatus.Active, false))]);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<AnnouncementSender>();
        sender.ChunkSize = 10;
        var joined = false;
        sender.ChunkWritten = async _ =>
        {
            if (!joined)
            {
                joined = true; // the loop's tick lands while the send is being written: it finishes the rest
                Assert.Equal(People - 10, await SendDueAsync(app, chunk: 10));
            }
        };
        var created = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(ev.Id,
            new AnnouncementInput { SessionId = session.Id, Audience = "followers" });

        Assert.True(joined);
        Assert.Equal(People, created.Value!.Recipients);
        await AssertEachOnceAsync(app, created.Value.Id);
    }

    /// <summary>A due announcement to <see cref="People"/> followers whose sender stopped right after its first chunk of 10.</summary>
    private static async Task<(TestApp App, int Id)> InterruptedAsync(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: ev.Id);
        await AnnouncementApiTests.FollowersAsync(app, ev.Id,
            [.. Enumerable.Range(1, People).Select(i => ($"P{i}", $"p{i}@example.com", (string?)null, SubscriptionStatus.Active, false))]);
        var response = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements",
            new { sessionId = session.Id, audience = "followers", sendAt = time.GetUtcNow().AddHours(1) });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<AnnouncementAccepted>())!.Id;
        time.Advance(TimeSpan.FromHours(2));

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<AnnouncementSender>();
            sender.ChunkSize = 10;
            sender.ChunkWritten = _ => throw new OperationCanceledException("the process stops");
            await Assert.ThrowsAsync<OperationCanceledException>(() => sender.SendDueAsync());
        }
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(10, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == id));
        Assert.Equal(10, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.Announcement));
        Assert.NotNull((await db.Announcements.SingleAsync(a => a.Id == id)).SentAt);
        return (app, id);
    }

    private static async Task<int> SendDueAsync(TestApp app, int chunk)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<AnnouncementSender>();
        sender.ChunkSize = chunk;
        return await sender.SendDueAsync();
    }

    private static async Task AssertEachOnceAsync(TestApp app, int id)
    {
        await using var db = app.Factory.CreateDbContext();
        var expected = Enumerable.Range(1, People).Select(i => $"p{i}@example.com").Order(StringComparer.Ordinal);
        var emails = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.Announcement).Select(o => o.Recipient).ToListAsync();
        Assert.Equal(expected, emails.Order(StringComparer.Ordinal));
        Assert.Equal(People, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == id));
        Assert.Equal(People, await db.SubscriptionLinks.CountAsync(l => l.Purpose == SubscriptionLinkPurpose.Unsubscribe));
    }
}
