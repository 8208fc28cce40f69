using System.Net;
using System.Net.Http.Json;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.CheckIns;

/// <summary>
/// On SQLite (one writer at a time) every write of an event's busy hours (door check-ins and their undo, online joins, the survey, "I can't come" with its promotion) takes its turn at the gate the RSVP writers and the
/// announcement's chunks queue at, so a check-in waits for one chunk of a big send and not for all of it in SQLite's
/// busy handler (docs/architecture.md); on PostgreSQL they take no gate.
/// </summary>
public class EventWriteTurnTakingTests
{
    public static TheoryData<string, string> Writes()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in Providers.All)
        {
            foreach (var write in new[] { "scan", "manual", "walk-in", "undo", "join", "feedback", "cant-come" })
            {
                data.Add(provider, write);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_of_the_event_waits_while_the_gate_is_held_on_sqlite_and_takes_no_gate_on_postgresql(string provider, string write)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, time.GetUtcNow().AddDays(3), format: "hybrid");
        var seated = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Seated", "seated@example.com"));
        await RsvpAsync(app.Client(), session.Id, "Waiting", "waiting@example.com");
        var door = await DoorHelperAsync(app);
        var url = $"/api/sessions/{session.Id}/checkins";
        int seatedId;
        await using (var db = app.Factory.CreateDbContext())
        {
            seatedId = await db.Attendees.Where(a => a.Email == "seated@example.com").Select(a => a.Id).SingleAsync();
        }
        if (write is "undo" or "feedback")
        {
            Assert.Equal(HttpStatusCode.Created, (await door.PostAsJsonAsync(url, new { code = seated.CheckInCode })).StatusCode);
        }
        if (write == "join")
        {
            time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(10)); // the Join button works from 15 minutes before
        }
        if (write == "feedback")
        {
            time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(90)); // the survey at the end, as the room answers it
        }
        (Func<Task<HttpResponseMessage>> Send, HttpStatusCode Answer, Func<MeetupDb, Task<bool>> Written) w = write switch
        {
            "scan" => (() => door.PostAsJsonAsync(url, new { code = seated.CheckInCode, method = "qr" }), HttpStatusCode.Created,
                db => db.CheckIns.AnyAsync(c => c.AttendeeId == seatedId)),
            "manual" => (() => door.PostAsJsonAsync(url, new { attendeeId = seatedId }), HttpStatusCode.Created,
                db => db.CheckIns.AnyAsync(c => c.AttendeeId == seatedId)),
            "walk-in" => (() => door.PostAsJsonAsync(url, new { email = "walk-in@example.com", name = "Walk-in" }), HttpStatusCode.Created,
                db => db.CheckIns.AnyAsync(c => c.Attendee!.Email == "walk-in@example.com")),
            "undo" => (() => door.DeleteAsync($"{url}/{seatedId}"), HttpStatusCode.NoContent,
                async db => !await db.CheckIns.AnyAsync()),
            "join" => (() => app.Client().PostAsync($"/api/rsvps/{seated.ManageToken}/join", null), HttpStatusCode.OK,
                db => db.CheckIns.AnyAsync(c => c.AttendeeId == seatedId && c.Method == CheckInMethod.OnlineJoin)),
            "feedback" => (() => app.Client().PutAsJsonAsync($"/api/rsvps/{seated.ManageToken}/feedback", Feedback.FeedbackKit.Answer()), HttpStatusCode.OK,
                db => db.Feedback.AnyAsync(f => f.AttendeeId == seatedId)),
            // "I can't come": the seat is freed and the first one waiting promoted, in one turn.
            _ => (() => app.Client().PostAsync($"/api/rsvps/{seated.ManageToken}/cancel", null), HttpStatusCode.OK,
                db => db.Rsvps.AnyAsync(r => r.Attendee!.Email == "waiting@example.com" && r.Status == RsvpStatus.Confirmed)),
        };

        var gate = app.Factory.Services.GetRequiredService<SeatGates>().Sqlite;
        await gate.WaitAsync(); // an RSVP (or an announcement's chunk) holds SQLite's gate
        Task<HttpResponseMessage> sent;
        try
        {
            sent = w.Send();
            if (provider == "Sqlite")
            {
                // Time enough for the write had it not queued (it takes milliseconds); it cannot finish while held.
                Assert.NotSame(sent, await Task.WhenAny(sent, Task.Delay(TimeSpan.FromSeconds(2))));
                await using var db = app.Factory.CreateDbContext();
                Assert.False(await w.Written(db));
            }
            else
            {
                Assert.Equal(w.Answer, (await sent).StatusCode); // PostgreSQL: the gate is not in its way
            }
        }
        finally
        {
            gate.Release();
        }
        Assert.Equal(w.Answer, (await sent).StatusCode);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.True(await w.Written(db));
        }
    }
}
