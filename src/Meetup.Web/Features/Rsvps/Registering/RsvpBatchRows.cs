using Meetup.Data;
using Meetup.Data.Bulk;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// The new rows of a batch (<see cref="RsvpBatchWriter"/>): people, RSVPs and emails, inserted with
/// <see cref="BulkInsert{T}"/> — no change tracking, no per-row round trips — keys read back by RETURNING.
/// </summary>
internal static class RsvpBatchRows
{
    /// <summary>New people, then their new RSVPs (which need the people's keys); both hand back their new keys.</summary>
    public static async Task InsertAsync(MeetupDb db, List<(int Index, Placement Placement)> placed, CancellationToken ct)
    {
        var people = placed.Where(p => p.Placement.NewPerson).Select(p => p.Placement.Person).ToList();
        if (people.Count > 0)
        {
            var byEmail = people.ToDictionary(p => p.Email!, StringComparer.Ordinal);
            await PersonInsert(db).ExecuteReturningAsync(db, people, r => byEmail[r.GetString(1)].Id = r.GetInt32(0), ct);
        }
        var rsvps = new List<Rsvp>(placed.Count);
        foreach (var (_, p) in placed.Where(p => p.Placement.NewRsvp))
        {
            p.Rsvp.AttendeeId = p.Person.Id;
            rsvps.Add(p.Rsvp);
        }
        if (rsvps.Count > 0)
        {
            // One RSVP per person and session, so the person identifies the returned row.
            var byPerson = rsvps.ToDictionary(r => r.AttendeeId);
            await RsvpInsert(db).ExecuteReturningAsync(db, rsvps, r => byPerson[r.GetInt32(1)].Id = r.GetInt32(0), ct);
        }
    }

    /// <summary>Each placed RSVP's manage link; a renewed RSVP's links from before its cancel stop.</summary>
    public static async Task InsertLinksAsync(SeatUnit unit, IReadOnlyList<RsvpRequest> requests, List<(int Index, Placement Placement)> placed, CancellationToken ct)
    {
        var (db, now) = (unit.Db, unit.Now);
        var renewed = placed.Where(p => !p.Placement.NewRsvp).Select(p => p.Placement.Rsvp.Id).ToList();
        if (renewed.Count > 0)
        {
            await ManageLinkHashes.ForgetAsync(db, renewed, ct);
        }
        var links = placed.Select(p => ManageLinkHashes.New(p.Placement.Rsvp.Id, requests[p.Index].Token, now)).ToList();
        await ManageLinkHashes.Insert(db, RowsPerStatement(db)).ExecuteAsync(db, links, null, ct);
    }

    /// <summary>
    /// Each placed RSVP's status email (with its encrypted link) and, for a seat, its reminder: new
    /// RSVPs' keys cannot exist yet; a renewed RSVP's reminder may, so those are looked up first.
    /// </summary>
    /// <remarks>Each request's links start from its own base (<see cref="RsvpRequest.BaseUrl"/>), not the unit's.</remarks>
    public static async Task EnqueueAsync(
        SeatUnit unit, IReadOnlyList<RsvpRequest> requests, List<(int Index, Placement Placement)> placed, IReadOnlyDictionary<int, int> follows,
        DateTime startsAt, CancellationToken ct)
    {
        var (db, outbox, now) = (unit.Db, unit.Outbox, unit.Now);
        var messages = new List<OutboxMessage>(placed.Count * 2);
        var renewedReminders = new List<Notice>();
        foreach (var (index, (person, rsvp, _, newRsvp)) in placed)
        {
            var request = requests[index];
            var status = RsvpNotices.Status(rsvp, person, request.Token, request.BaseUrl, now) with { ManageToken = null, ProtectedManageToken = request.ProtectedToken };
            if (follows.TryGetValue(index, out var subscriptionId))
            {
                // "Tell me about new sessions": the same email asks to confirm the follow, with its own token.
                status = status with { ProtectedManageToken = request.ProtectedTokens, Payload = status.Payload with { SubscriptionId = subscriptionId } };
            }
            messages.Add(outbox.Message(status));
            if (rsvp.Status == RsvpStatus.Confirmed && RsvpNotices.Reminder(rsvp, person, startsAt, request.BaseUrl, now) is { } reminder)
            {
                if (newRsvp)
                {
                    messages.Add(outbox.Message(reminder));
                }
                else
                {
                    renewedReminders.Add(reminder);
                }
            }
        }
        if (renewedReminders.Count > 0)
        {
            var keys = renewedReminders.Select(n => n.DedupeKey).ToList();
            var existing = (await db.OutboxMessages.Where(o => keys.Contains(o.DedupeKey)).Select(o => o.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            messages.AddRange(renewedReminders.Where(n => !existing.Contains(n.DedupeKey)).Select(outbox.Message));
        }
        await Outbox.Insert(db, RowsPerStatement(db)).ExecuteAsync(db, messages, null, ct);
    }

    private static BulkInsert<Attendee> PersonInsert(MeetupDb db) => new(db, typeof(Attendee),
        [
            (nameof(Attendee.Email), a => a.Email),
            (nameof(Attendee.DisplayName), a => a.DisplayName),
            (nameof(Attendee.SearchName), a => a.SearchName),
            (nameof(Attendee.PreferredLanguage), a => a.PreferredLanguage),
            (nameof(Attendee.CreatedAt), a => a.CreatedAt),
        ],
        returning: [nameof(Attendee.Id), nameof(Attendee.Email)], rowsPerStatement: RowsPerStatement(db));

    private static BulkInsert<Rsvp> RsvpInsert(MeetupDb db) => new(db, typeof(Rsvp),
        [
            (nameof(Rsvp.SessionId), r => r.SessionId),
            (nameof(Rsvp.AttendeeId), r => r.AttendeeId),
            (nameof(Rsvp.Status), r => r.Status),
            (nameof(Rsvp.WaitlistPosition), r => r.WaitlistPosition),
            (nameof(Rsvp.CreatedAt), r => r.CreatedAt),
            (nameof(Rsvp.UpdatedAt), r => r.UpdatedAt),
            (nameof(Rsvp.CheckInCode), r => r.CheckInCode),
            (nameof(Rsvp.Answers), r => r.Answers),
        ],
        returning: [nameof(Rsvp.Id), nameof(Rsvp.AttendeeId)], rowsPerStatement: RowsPerStatement(db));

    /// <summary>A batch has tens of rows, and its statements are prepared anew for every batch.</summary>
    private static int? RowsPerStatement(MeetupDb db) => BulkInsert.RowsForSmallBatch(db);
}
