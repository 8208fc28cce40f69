using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Import;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Attendees;

/// <summary>
/// Two records of one person (an imported account, the email they RSVP'd with later) become one: the figures
/// count them once, and nothing afterwards (a re-import, a new RSVP, a walk-in) splits them again.
/// </summary>
public class AttendeeMergeTests
{
    private const string History = """
        session_start,session_title,email,name,rsvp,attended
        2026-09-01T19:00,#1,taro_y@connpass.invalid,Taro,confirmed,yes
        2026-09-01T19:00,#1,alice@example.com,Alice,confirmed,yes
        2026-09-15T19:00,#2,taro_y@connpass.invalid,Taro,confirmed,yes
        2026-10-01T19:00,#3,taro@example.com,Taro Yamada,confirmed,yes
        2026-10-01T19:00,#3,alice@example.com,Alice,confirmed,yes
        2026-10-15T19:00,#4,alice@example.com,Alice,confirmed,yes
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_imported_account_merged_into_the_email_they_used_later_counts_once_and_a_reimport_does_not_split_them(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        Assert.Equal(3, (int)(await ReportAsync(admin, eventId))["overall"]!["uniqueAttendees"]!);
        var (taro, account) = (await IdOfAsync(app, "taro@example.com"), await IdOfAsync(app, "taro_y@connpass.invalid"));

        var outcome = await MergeAsync(app, taro, account);

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.Equal(new MergeOutcome(taro, 2), outcome.Value);
        var report = await ReportAsync(admin, eventId);
        Assert.Equal(2, (int)report["overall"]!["uniqueAttendees"]!);
        var row = report["attendees"]!.AsArray().Single(a => (string?)a!["email"] == "taro@example.com")!;
        Assert.Equal(3, (int)row["attended"]!);
        await using (var db = app.Factory.CreateDbContext())
        {
            var kept = await db.Attendees.Include(a => a.Aliases).SingleAsync(a => a.Id == taro);
            Assert.Equal(("taro@example.com", "Taro Yamada"), (kept.Email, kept.DisplayName));
            Assert.Equal(["taro_y@connpass.invalid"], kept.Aliases.Select(x => x.Email));
            Assert.False(await db.Attendees.AnyAsync(a => a.Id == account));
        }

        // The same file again: the account is found through the alias, nothing is added or split.
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(2, await db.Attendees.CountAsync());
            Assert.Equal(3, await db.CheckIns.CountAsync(c => c.AttendeeId == taro));
            Assert.Equal(3, await db.Rsvps.CountAsync(r => r.AttendeeId == taro));
        }
        Assert.Equal(2, (int)(await ReportAsync(admin, eventId))["overall"]!["uniqueAttendees"]!);

        // A file naming them by both addresses for one session: one RSVP (the stronger status, as a merge keeps) and one check-in.
        (await HistoryApi.ImportAsync(admin, eventId, """
            session_start,session_title,email,name,rsvp,attended
            2026-10-29T19:00,#5,taro_y@connpass.invalid,Taro,waitlisted,yes
            2026-10-29T19:00,#5,taro@example.com,Taro Yamada,confirmed,yes
            """)).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            var fifth = await db.Sessions.Where(s => s.Title == "#5").Select(s => s.Id).SingleAsync();
            Assert.Equal(RsvpStatus.Confirmed, (await db.Rsvps.SingleAsync(r => r.SessionId == fifth)).Status);
            Assert.Equal(taro, (await db.CheckIns.SingleAsync(c => c.SessionId == fifth)).AttendeeId);
            Assert.Equal(2, await db.Attendees.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Merged_the_other_way_round_the_deliverable_address_still_wins(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        var (taro, account) = (await IdOfAsync(app, "taro@example.com"), await IdOfAsync(app, "taro_y@connpass.invalid"));

        var outcome = await MergeAsync(app, account, taro);

        Assert.Equal(new MergeOutcome(account, 1), outcome.Value);
        await using var db = app.Factory.CreateDbContext();
        var kept = await db.Attendees.Include(a => a.Aliases).SingleAsync(a => a.Id == account);
        Assert.Equal((account, "taro@example.com", "Taro"), (kept.Id, kept.Email, kept.DisplayName));
        Assert.Equal(["taro_y@connpass.invalid"], kept.Aliases.Select(x => x.Email));
        Assert.Equal(3, await db.CheckIns.CountAsync(c => c.AttendeeId == account));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task For_the_same_session_the_stronger_rsvp_and_the_earlier_check_in_stay_and_the_waitlist_closes_up(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        var now = HistoryApi.ExampleNow.UtcDateTime;
        int keep, merge, other, past, older;
        await using (var db = app.Factory.CreateDbContext())
        {
            var people = new[] { "keep@example.com", "merge@example.com", "other@example.com" }
                .Select(e => new Attendee { Email = e, DisplayName = e[..e.IndexOf('@')], CreatedAt = now }).ToArray();
            var sessions = new[] { now.AddDays(-7), now.AddDays(-21) }
                .Select(t => new Session { EventId = eventId, Title = "Past", StartsAt = t, EndsAt = t.AddHours(2), Capacity = 1, Status = SessionStatus.Published, CreatedAt = now, UpdatedAt = now })
                .ToArray();
            db.AddRange(people);
            db.AddRange(sessions);
            await db.SaveChangesAsync();
            (keep, merge, other, past, older) = (people[0].Id, people[1].Id, people[2].Id, sessions[0].Id, sessions[1].Id);
            db.Rsvps.AddRange(
                Rsvp(past, keep, RsvpStatus.Confirmed, null, "AAA111"),
                Rsvp(past, merge, RsvpStatus.Waitlisted, 1, "BBB222"),
                Rsvp(past, other, RsvpStatus.Waitlisted, 2, "CCC333"),
                Rsvp(older, keep, RsvpStatus.Cancelled, null, "DDD444"),
                Rsvp(older, merge, RsvpStatus.Confirmed, null, "EEE555"));
            db.CheckIns.AddRange(
                new CheckIn { SessionId = past, AttendeeId = keep, At = now.AddDays(-7).AddMinutes(5), Method = CheckInMethod.Code },
                new CheckIn { SessionId = past, AttendeeId = merge, At = now.AddDays(-7).AddMinutes(-2), Method = CheckInMethod.Qr });
            await db.SaveChangesAsync();
        }

        var outcome = await MergeAsync(app, keep, merge);

        Assert.True(outcome.Succeeded, outcome.Detail);
        await using (var db = app.Factory.CreateDbContext())
        {
            var rsvps = await db.Rsvps.AsNoTracking().OrderBy(r => r.SessionId).ThenBy(r => r.AttendeeId)
                .Select(r => new { r.SessionId, r.AttendeeId, r.Status, r.WaitlistPosition, r.CheckInCode }).ToListAsync();
            Assert.Equal(
                [
                    new { SessionId = past, AttendeeId = keep, Status = RsvpStatus.Confirmed, WaitlistPosition = (int?)null, CheckInCode = (string?)"AAA111" },
                    new { SessionId = past, AttendeeId = other, Status = RsvpStatus.Waitlisted, WaitlistPosition = (int?)1, CheckInCode = (string?)"CCC333" },
                    new { SessionId = older, AttendeeId = keep, Status = RsvpStatus.Confirmed, WaitlistPosition = (int?)null, CheckInCode = (string?)"EEE555" },
                ],
                rsvps.OrderBy(r => r.SessionId == past ? 0 : 1).ThenBy(r => r.AttendeeId == keep ? 0 : 1));
            var checkIn = await db.CheckIns.AsNoTracking().SingleAsync();
            Assert.Equal((past, keep, CheckInMethod.Qr), (checkIn.SessionId, checkIn.AttendeeId, checkIn.Method));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Both_registered_for_a_session_ahead_is_refused_and_nothing_changes(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 10, DateTimeOffset.UtcNow.AddDays(10));
        (await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com")).EnsureSuccessStatusCode();
        (await RsvpAsync(app.Client(), session.Id, "Gao L.", "gao.lin@work.example")).EnsureSuccessStatusCode();
        var (keep, merge) = (await IdOfAsync(app, "gao@example.com"), await IdOfAsync(app, "gao.lin@work.example"));

        var outcome = await MergeAsync(app, keep, merge);

        Assert.Equal(OperationStatus.Conflict, outcome.Status);
        Assert.Contains(session.Title, outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("Cancel one of the two RSVPs first", outcome.Detail, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(2, await db.Attendees.CountAsync());
        Assert.Equal(2, await db.Rsvps.CountAsync(r => r.SessionId == session.Id && r.Status == RsvpStatus.Confirmed));
        Assert.Empty(await db.AttendeeAliases.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task After_a_merge_either_address_finds_the_kept_person_for_an_rsvp_a_link_resend_and_a_walk_in(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(10));
        var second = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(24), eventId: first.EventId);
        var door = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddMinutes(30), eventId: first.EventId);
        (await RsvpAsync(app.Client(), first.Id, "Gao Lin", "gao@example.com")).EnsureSuccessStatusCode();
        (await RsvpAsync(app.Client(), second.Id, "Gao L.", "gao.lin@work.example")).EnsureSuccessStatusCode();
        var (keep, merge) = (await IdOfAsync(app, "gao@example.com"), await IdOfAsync(app, "gao.lin@work.example"));
        Assert.True((await MergeAsync(app, keep, merge)).Succeeded);
        time.Advance(TimeSpan.FromMinutes(11)); // links are re-sent at most every 10 minutes

        // The merged address RSVPs again for a session the kept person is registered for: already registered,
        // and the kept person's link is sent again.
        var again = await OutcomeAsync(await RsvpAsync(app.Client(), first.Id, "Gao", "Gao.Lin@Work.Example"));
        Assert.Equal(("confirmed", null), (again.Status, again.ManageUrl));
        // … and for a new one: the kept person's RSVP, not a new person; a known person's link goes to their
        // (kept) address, never into the answer.
        var third = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(38), eventId: first.EventId);
        var forThird = await RsvpAsync(app.Client(), third.Id, "Gao", "gao.lin@work.example");
        Assert.Equal(System.Net.HttpStatusCode.Created, forThird.StatusCode);
        var thirdOutcome = await OutcomeAsync(forThird);
        Assert.Equal(("confirmed", null, null), (thirdOutcome.Status, thirdOutcome.ManageToken, thirdOutcome.ManageUrl));
        // A walk-in at the door with the merged address is the kept person too.
        (await admin.PostAsJsonAsync($"/api/sessions/{door.Id}/checkins", new { email = "gao.lin@work.example", name = "Gao" })).EnsureSuccessStatusCode();

        await using var db = app.Factory.CreateDbContext();
        Assert.Equal([keep], await db.Attendees.Select(a => a.Id).ToListAsync());
        Assert.Equal(3, await db.Rsvps.CountAsync(r => r.AttendeeId == keep));
        Assert.Equal(keep, (await db.CheckIns.SingleAsync(c => c.SessionId == door.Id)).AttendeeId);
        Assert.Equal([keep], await db.OutboxMessages.Where(o => o.Kind == NotificationKind.ManageLink).Select(o => o.AttendeeId).ToListAsync());
        var thirdMail = await db.OutboxMessages.SingleAsync(o => o.SessionId == third.Id && o.Kind == NotificationKind.RsvpConfirmed);
        Assert.Equal(("gao@example.com", (int?)keep), (thirdMail.Recipient, thirdMail.AttendeeId)); // the new RSVP's link went to the kept address
        // Every email of the merged record (its confirmation too) now belongs to the kept person: my-data and erasure find it.
        Assert.False(await db.OutboxMessages.AnyAsync(o => o.AttendeeId == merge));
        Assert.Equal(3, await db.OutboxMessages.CountAsync(o => o.AttendeeId == keep && o.Kind == NotificationKind.RsvpConfirmed)); // both records' and the new one
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Merging_someone_with_themselves_an_unknown_person_or_an_erased_one_is_refused(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        int alice, erased;
        await using (var db = app.Factory.CreateDbContext())
        {
            var now = HistoryApi.ExampleNow.UtcDateTime;
            var people = new[]
            {
                new Attendee { Email = "alice@example.com", DisplayName = "Alice", CreatedAt = now },
                new Attendee { Email = null, DisplayName = null, CreatedAt = now, ErasedAt = now },
            };
            db.AddRange(people);
            await db.SaveChangesAsync();
            (alice, erased) = (people[0].Id, people[1].Id);
        }

        var self = await MergeAsync(app, alice, alice);
        Assert.Equal(OperationStatus.Invalid, self.Status);
        Assert.True(self.Errors.Has("intoAttendeeId"));
        Assert.Equal(OperationStatus.NotFound, (await MergeAsync(app, alice, erased + 1000)).Status);
        Assert.Equal(OperationStatus.Conflict, (await MergeAsync(app, alice, erased)).Status);
        await using var after = app.Factory.CreateDbContext();
        Assert.Equal(2, await after.Attendees.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Survey_answers_follow_the_kept_person_and_for_the_same_session_the_newer_answer_stays(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        var now = HistoryApi.ExampleNow.UtcDateTime;
        int keep, merge, past, older;
        await using (var db = app.Factory.CreateDbContext())
        {
            var people = new[] { "keep@example.com", "merge@example.com" }
                .Select(e => new Attendee { Email = e, DisplayName = e[..e.IndexOf('@')], CreatedAt = now }).ToArray();
            var sessions = new[] { now.AddDays(-7), now.AddDays(-21) }
                .Select(t => new Session { EventId = eventId, Title = "Past", StartsAt = t, EndsAt = t.AddHours(2), Capacity = 5, Status = SessionStatus.Published, CreatedAt = now, UpdatedAt = now })
                .ToArray();
            db.AddRange(people);
            db.AddRange(sessions);
            await db.SaveChangesAsync();
            (keep, merge, past, older) = (people[0].Id, people[1].Id, sessions[0].Id, sessions[1].Id);
            db.Feedback.AddRange(
                Answer(past, keep, 2, "older answer", now.AddDays(-7)),
                Answer(past, merge, 5, "newer answer", now.AddDays(-6)),
                Answer(older, merge, 4, "only answer", now.AddDays(-20)));
            await db.SaveChangesAsync();
        }

        Assert.True((await MergeAsync(app, keep, merge)).Succeeded);

        await using (var db = app.Factory.CreateDbContext())
        {
            var answers = await db.Feedback.AsNoTracking().OrderBy(f => f.SessionId == past ? 0 : 1)
                .Select(f => new { f.SessionId, f.AttendeeId, f.Overall, f.Comment }).ToListAsync();
            Assert.Equal(
                [
                    new { SessionId = past, AttendeeId = keep, Overall = 5, Comment = (string?)"newer answer" },
                    new { SessionId = older, AttendeeId = keep, Overall = 4, Comment = (string?)"only answer" },
                ],
                answers);
        }
    }

    private static Meetup.Data.Entities.Feedback Answer(int sessionId, int attendeeId, int overall, string comment, DateTime at) => new()
    {
        SessionId = sessionId,
        AttendeeId = attendeeId,
        Overall = overall,
        Understanding = 3,
        Pace = FeedbackPace.JustRight,
        Length = FeedbackLength.JustRight,
        ComeNext = FeedbackComeNext.Yes,
        Comment = comment,
        Language = "en",
        CreatedAt = at,
        UpdatedAt = at,
    };

    private static Rsvp Rsvp(int sessionId, int attendeeId, RsvpStatus status, int? position, string code) => new()
    {
        SessionId = sessionId,
        AttendeeId = attendeeId,
        Status = status,
        WaitlistPosition = position,
        CheckInCode = code,
        CreatedAt = HistoryApi.ExampleNow.UtcDateTime,
        UpdatedAt = HistoryApi.ExampleNow.UtcDateTime,
    };

    private static async Task<OperationResult<MergeOutcome>> MergeAsync(TestApp app, int keepId, int mergeId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AttendeeMerge>().MergeAsync(keepId, mergeId);
    }

    private static async Task<int> IdOfAsync(TestApp app, string email)
    {
        await using var db = app.Factory.CreateDbContext();
        return await db.Attendees.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> ReportAsync(HttpClient admin, int eventId)
        => await HistoryApi.JsonAsync(await admin.GetAsync($"/api/events/{eventId}/retention"));
}
