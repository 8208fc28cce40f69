using System.Text.Json;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared.Links;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// A session's seats as one <see cref="SeatLock"/> unit counted them: places go out in call order,
/// a seat while there is one, else the next place at the end of the waitlist.
/// </summary>
internal sealed class SeatCounter(int capacity, int confirmed, int lastPosition)
{
    private int _confirmed = confirmed;
    private int _lastPosition = lastPosition;

    /// <summary>A free seat while people wait (capacity was raised): they get it before newcomers.</summary>
    public bool FreeSeatWhileWaiting => _confirmed < capacity && _lastPosition > 0;

    public void Promoted(int count)
    {
        _confirmed += count;
        _lastPosition -= count;
    }

    public (RsvpStatus Status, int? Position) Take()
    {
        if (_confirmed < capacity)
        {
            _confirmed++;
            return (RsvpStatus.Confirmed, null);
        }
        return (RsvpStatus.Waitlisted, ++_lastPosition);
    }
}

/// <summary>Where <see cref="RsvpPlacement.Place"/> put someone; the new rows are for the caller to insert.</summary>
internal sealed record Placement(Attendee Person, Rsvp Rsvp, bool NewPerson, bool NewRsvp)
{
    /// <summary>
    /// The answer to whoever sent the RSVP (201). The manage link (and the check-in code) only for a person
    /// who did not exist before: a known person's link opens all their data across events, renames and erases
    /// them, so it goes only to their inbox (the status email) — knowing an email must not let anyone manage it.
    /// </summary>
    public RsvpOutcome Answer(string token, string baseUrl) => new()
    {
        Status = Rsvp.Status.ToSnakeCase(),
        WaitlistPosition = Rsvp.WaitlistPosition,
        ManageToken = NewPerson ? token : null,
        ManageUrl = NewPerson ? RsvpLinks.Manage(baseUrl, token) : null,
        CheckInCode = NewPerson ? Rsvp.CheckInCode : null,
        Created = true,
    };
}

/// <summary>Where <see cref="RsvpBatchWriter"/> puts each person, in arrival order.</summary>
internal static class RsvpPlacement
{
    /// <summary>
    /// Places <paramref name="fields"/>: the known person (blanks filled in, never renamed: whoever
    /// knows an email must not rename its owner) or a new one; their earlier, cancelled RSVP to this
    /// session made active again, or a new one; the next place from <paramref name="seats"/>. Known rows
    /// are changed in place (tracked, they save with the unit of work); new ones are returned for the
    /// caller to add or insert, with the new manage link (<see cref="ManageLinkHashes"/>).
    /// </summary>
    public static Placement Place(int sessionId, Attendee? known, Rsvp? earlier, RsvpFields fields, SeatCounter seats, DateTime now)
    {
        var person = known ?? new Attendee { Email = fields.Email, DisplayName = fields.Name, PreferredLanguage = fields.Language, CreatedAt = now };
        person.DisplayName ??= fields.Name;
        person.PreferredLanguage ??= fields.Language;

        var rsvp = earlier ?? new Rsvp { SessionId = sessionId, AttendeeId = person.Id, Attendee = person, CreatedAt = now };
        rsvp.CheckInCode ??= CheckInCodes.New();
        (rsvp.Status, rsvp.WaitlistPosition) = seats.Take();
        rsvp.Answers = fields.Answers.Count == 0 ? null : JsonSerializer.Serialize(fields.Answers, Outbox.Json);
        rsvp.UpdatedAt = now;
        rsvp.CancelledAt = null; // active again: an earlier cancel is no longer a cancellation
        return new Placement(person, rsvp, known is null, earlier is null);
    }
}
