using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// Audiences, the effect figures and the win-back comparison on generated histories, each against a naive reading of
/// docs/retention.md ("Announcements and win-back") and docs/api.md written here without the app's code.
/// </summary>
public class AnnouncementReferenceTests
{
    private static readonly int[] Seeds = [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_audience_is_the_active_deliverable_unregistered_followers_its_definition_picks(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var seen = new Dictionary<string, int>();
        foreach (var seed in Seeds)
        {
            var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
            var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(14), eventId: ev.Id);
            AnnouncementHistory h;
            await using (var db = app.Factory.CreateDbContext())
            {
                h = await AnnouncementHistory.WriteAsync(db, ev.Id, seed, session.Id, DateTime.UtcNow);
            }
            HashSet<int> registered;
            await using (var db = app.Factory.CreateDbContext())
            {
                registered = [.. await db.Rsvps.Where(r => r.SessionId == session.Id && r.Status != RsvpStatus.Cancelled).Select(r => r.AttendeeId).ToListAsync()];
            }
            var (past, regulars, atRisk) = NaiveAudiences.AsOf(h, DateTime.UtcNow);
            var reachable = h.People
                .Where(p => h.Follows.Any(f => f.AttendeeId == p.Id && f.Status == SubscriptionStatus.Active))
                .Where(p => p.ErasedAt is null && !p.Email!.EndsWith(".invalid", StringComparison.Ordinal) && !registered.Contains(p.Id))
                .ToList();
            var expected = new Dictionary<string, HashSet<int>>
            {
                ["followers"] = [.. reachable.Select(p => p.Id)],
                ["past_attendees"] = [.. reachable.Select(p => p.Id).Where(past.Contains)],
                ["regulars"] = [.. reachable.Select(p => p.Id).Where(regulars.Contains)],
                ["at_risk"] = [.. reachable.Select(p => p.Id).Where(atRisk.Contains)],
            };

            foreach (var (audience, ids) in expected)
            {
                var response = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements", new { sessionId = session.Id, audience, dryRun = true });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var dry = (await response.Content.ReadFromJsonAsync<AnnouncementDryRun>())!;
                var emails = h.People.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Email!).ToList();
                Assert.True(emails.Count == dry.Recipients, $"seed {seed}, {audience}: expected {emails.Count}, got {dry.Recipients}");
                Assert.Equal(emails.Take(AnnouncementService.SampleSize), dry.Sample.Select(s => s.Email));
                await using var scope = app.Factory.Services.CreateAsyncScope();
                Assert.True(AnnouncementAudiences.TryParse(audience, out var parsed));
                var chosen = await scope.ServiceProvider.GetRequiredService<AudienceSelector>().SelectAsync(ev.Id, session.Id, parsed);
                Assert.Equal(emails, chosen.Select(c => c.Email));
            }
            foreach (var (audience, ids) in expected)
            {
                seen[audience] = seen.GetValueOrDefault(audience) + ids.Count;
            }
        }
        // The generated histories do reach someone in each audience.
        Assert.All(seen, s => Assert.True(s.Value > 0, s.Key));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rsvps_count_recipients_registering_after_the_send_even_over_a_cancelled_rsvp_and_attended_those_checked_in_some_without_registering(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var client = app.Client();
        foreach (var seed in Seeds)
        {
            var rng = new Random(seed);
            var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
            var session = await PublishedSessionAsync(admin, 4, DateTimeOffset.UtcNow.AddDays(14), eventId: ev.Id); // small: some wait
            var people = Enumerable.Range(0, 12).Select(i => (Name: $"R{seed} {i}", Email: $"r{seed}.{i}@example.com")).ToList();
            await AnnouncementApiTests.FollowersAsync(app, ev.Id, [.. people.Select(p => (p.Name, p.Email, (string?)null, SubscriptionStatus.Active, false))]);
            // Before the send: some register (not recipients), some register and cancel (recipients all the same).
            var before = people.Where(_ => rng.Next(3) == 0).ToList();
            foreach (var p in before)
            {
                (await RsvpAsync(client, session.Id, p.Name, p.Email)).EnsureSuccessStatusCode();
            }
            var cancelledBefore = before.Where(_ => rng.Next(2) == 0).Select(p => p.Email).ToHashSet();
            await SetStatusAsync(app, session.Id, cancelledBefore, RsvpStatus.Cancelled);
            var recipients = people.Where(p => !before.Contains(p) || cancelledBefore.Contains(p.Email)).Select(p => p.Email).ToHashSet();

            var sent = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements", new { sessionId = session.Id, audience = "followers" });
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            Assert.Equal(recipients.Count, (await sent.Content.ReadFromJsonAsync<AnnouncementAccepted>())!.Recipients);
            await using (var scope = app.Factory.Services.CreateAsyncScope())
            {
                // What the woken loop does (switched off here): the recipients are fixed by this claim.
                Assert.Equal(recipients.Count, await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync());
            }

            // After it: some register (again, over their cancelled RSVP), some of those cancel; some check in, registered or not.
            var after = people.Where(p => rng.Next(2) == 0 || cancelledBefore.Contains(p.Email) && rng.Next(3) != 0).Select(p => p.Email).ToHashSet();
            foreach (var p in people.Where(p => after.Contains(p.Email)))
            {
                (await RsvpAsync(client, session.Id, p.Name, p.Email)).EnsureSuccessStatusCode();
            }
            await SetStatusAsync(app, session.Id, [.. after.Where(_ => rng.Next(4) == 0)], RsvpStatus.Cancelled);
            var came = people.Where(_ => rng.Next(2) == 0).Select(p => p.Email).ToHashSet();
            await using (var db = app.Factory.CreateDbContext())
            {
                foreach (var person in await db.Attendees.Where(a => came.Contains(a.Email!)).ToListAsync())
                {
                    db.CheckIns.Add(new CheckIn { SessionId = session.Id, AttendeeId = person.Id, At = DateTime.UtcNow, Method = CheckInMethod.Manual });
                }
                await db.SaveChangesAsync();
            }

            var summary = Assert.Single((await admin.GetFromJsonAsync<List<AnnouncementSummary>>($"/api/events/{ev.Id}/announcements"))!);
            // docs/api.md: an RSVP made at or after sentAt (a new one, or a cancelled one taken up again), whatever its status now.
            // attendedWithoutRsvp: of those who came, the ones not counted in rsvps.
            var expected = (recipients.Count, recipients.Count(after.Contains), recipients.Count(came.Contains), recipients.Count(e => came.Contains(e) && !after.Contains(e)));
            var actual = (summary.Recipients, summary.Rsvps, summary.Attended, summary.AttendedWithoutRsvp);
            Assert.True(expected == actual, $"seed {seed}: expected {expected}, got {actual}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Win_back_and_its_baseline_with_sample_sizes_match_the_definition(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        foreach (var seed in Seeds)
        {
            var rng = new Random(seed * 31);
            var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
            var now = DateTime.UtcNow;
            AnnouncementHistory h;
            var announced = new List<(Announcement Row, HashSet<int> To)>();
            await using (var db = app.Factory.CreateDbContext())
            {
                h = await AnnouncementHistory.WriteAsync(db, ev.Id, seed, null, now);
                // At-risk announcements sent for some past sessions; an unsent one and one to all followers do not take a session out of the baseline.
                foreach (var s in h.Past)
                {
                    var kind = rng.Next(6);
                    if (kind > 2)
                    {
                        continue;
                    }
                    var to = h.People.Where(_ => rng.Next(3) == 0).Select(p => p.Id).ToHashSet();
                    var row = new Announcement
                    {
                        EventId = ev.Id,
                        SessionId = s.Id,
                        Audience = kind == 2 ? AnnouncementAudience.Followers : AnnouncementAudience.AtRisk,
                        CreatedAt = s.StartsAt.AddDays(-3),
                        SendAt = s.StartsAt.AddDays(-2),
                        SentAt = kind == 1 ? null : s.StartsAt.AddDays(-2),
                        Recipients = kind == 1 ? [] : [.. to.Select(id => new AnnouncementRecipient { AttendeeId = id })],
                    };
                    db.Announcements.Add(row);
                    announced.Add((row, kind == 1 ? [] : to));
                }
                await db.SaveChangesAsync();
            }

            var sentAtRisk = announced.Where(a => a.Row.SentAt is not null && a.Row.Audience == AnnouncementAudience.AtRisk).ToList();
            var counted = h.Past
                .Where(s => s.Status != SessionStatus.Cancelled && s.StartsAt <= now && h.CheckIns.Any(c => c.SessionId == s.Id))
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
            int group = 0, cameBack = 0, sessions = 0;
            foreach (var s in counted.Skip(1).Where(s => !sentAtRisk.Any(a => a.Row.SessionId == s.Id)))
            {
                var (_, _, atRisk) = NaiveAudiences.AsOf(h, s.StartsAt.AddSeconds(-1));
                var followers = atRisk.Where(id => h.Follows.Any(f => f.AttendeeId == id && NaiveAudiences.FollowedAt(f, s.StartsAt))).ToList();
                sessions++;
                group += followers.Count;
                cameBack += followers.Count(id => h.CheckIns.Contains((s.Id, id)));
            }

            var winBack = (await admin.GetFromJsonAsync<WinBackComparison>($"/api/events/{ev.Id}/announcements/win-back"))!;
            Assert.True((cameBack, group, sessions) == (winBack.Baseline.Count, winBack.Baseline.Of, winBack.BaselineSessions),
                $"seed {seed}: expected {(cameBack, group, sessions)}, got {(winBack.Baseline.Count, winBack.Baseline.Of, winBack.BaselineSessions)}");
            Assert.Equal(
                sentAtRisk.Select(a => (a.Row.Id, a.Row.SessionId, a.To.Count(id => h.CheckIns.Contains((a.Row.SessionId, id))), a.To.Count)).OrderBy(x => x.Id),
                winBack.Announcements.Select(a => (a.AnnouncementId, a.SessionId, a.WinBack.Count, a.WinBack.Of)).OrderBy(x => x.AnnouncementId));
        }
    }

    private static async Task SetStatusAsync(TestApp app, int sessionId, IReadOnlyCollection<string> emails, RsvpStatus status)
    {
        await using var db = app.Factory.CreateDbContext();
        foreach (var rsvp in await db.Rsvps.Where(r => r.SessionId == sessionId && emails.Contains(r.Attendee!.Email!)).ToListAsync())
        {
            rsvp.Status = status;
            rsvp.WaitlistPosition = null;
            rsvp.UpdatedAt = DateTime.UtcNow;
        }
        await db.SaveChangesAsync();
    }
}
