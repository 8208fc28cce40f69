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
/// and two senders finishing it at once still email each person exactly once; a completed send is never chosen again.
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
    public async Task A_send_now_answers_its_audience_at_once_and_a_sender_joined_mid_way_still_emails_each_person_once(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: ev.Id);
        await AnnouncementApiTests.FollowersAsync(app, ev.Id,
            [.. Enumerable.Range(1, People).Select(i => ($"P{i}", $"p{i}@example.com", (string?)null, SubscriptionStatus.Active, false))]);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(ev.Id,
            new AnnouncementInput { SessionId = session.Id, Audience = "followers" });
        Assert.Equal((People, (DateTime?)null), (created.Value!.Recipients, created.Value.SentAt)); // counted, not written
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(0, await db.AnnouncementRecipients.CountAsync());
        }

        var sender = scope.ServiceProvider.GetRequiredService<AnnouncementSender>();
        sender.ChunkSize = 10;
        var joined = false;
        sender.ChunkWritten = async _ =>
        {
            if (!joined)
            {
                joined = true; // another instance's loop resumes it while this one is writing: it finishes the rest
                Assert.Equal(People - 10, await SendDueAsync(app, chunk: 10));
            }
        };
        Assert.Equal(10, await sender.SendDueAsync());
        Assert.True(joined);
        await AssertEachOnceAsync(app, created.Value.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_completed_send_is_not_chosen_again_while_an_interrupted_one_is_resumed(string provider)
    {
        var (app, interrupted) = await InterruptedAsync(provider);
        await using (app)
        {
            var admin = await app.ApiClientAsync();
            var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
            var time = app.Factory.Services.GetRequiredService<TimeProvider>();
            var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: ev.Id);
            await AnnouncementApiTests.FollowersAsync(app, ev.Id, ("Early", "early@example.com", null, SubscriptionStatus.Active, false));
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var complete = (await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(ev.Id,
                new AnnouncementInput { SessionId = session.Id, Audience = "followers" })).Value!.Id;

            Assert.Equal(People - 10 + 1, await SendDueAsync(app, chunk: 10)); // the new send and the rest of the interrupted one
            await using (var db = app.Factory.CreateDbContext())
            {
                Assert.All(await db.Announcements.Select(a => a.CompletedAt).ToListAsync(), c => Assert.NotNull(c));
            }

            // A follow that counts from before the send started but committed after its last chunk (a resumed send
            // would pick it up): a completed send is not selected again, so nobody is added to it.
            await AnnouncementApiTests.FollowersAsync(app, ev.Id, ("Late", "late@example.com", null, SubscriptionStatus.Active, false));
            Assert.Equal(0, await SendDueAsync(app, chunk: 10));
            await using (var db = app.Factory.CreateDbContext())
            {
                Assert.Equal(1, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == complete));
            }
            await AssertEachOnceAsync(app, interrupted, extra: 1);
        }
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
        var row = await db.Announcements.SingleAsync(a => a.Id == id);
        Assert.Equal((true, (DateTime?)null), (row.SentAt is not null, row.CompletedAt));
        return (app, id);
    }

    private static async Task<int> SendDueAsync(TestApp app, int chunk)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<AnnouncementSender>();
        sender.ChunkSize = chunk;
        return await sender.SendDueAsync();
    }

    /// <summary>Each of the <see cref="People"/> emailed once for <paramref name="id"/>, and the send complete (<paramref name="extra"/>: other sends' emails).</summary>
    private static async Task AssertEachOnceAsync(TestApp app, int id, int extra = 0)
    {
        await using var db = app.Factory.CreateDbContext();
        var expected = Enumerable.Range(1, People).Select(i => $"p{i}@example.com").Order(StringComparer.Ordinal);
        var emails = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.Announcement && o.DedupeKey.StartsWith($"announcement:{id}:"))
            .Select(o => o.Recipient).ToListAsync();
        Assert.Equal(expected, emails.Order(StringComparer.Ordinal));
        Assert.Equal(People, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == id));
        Assert.Equal(People + extra, await db.SubscriptionLinks.CountAsync(l => l.Purpose == SubscriptionLinkPurpose.Unsubscribe));
        Assert.NotNull((await db.Announcements.SingleAsync(a => a.Id == id)).CompletedAt);
    }
}
