using Meetup.Data.Entities;

namespace Meetup.Web.Features.Import;

/// <summary>An RSVP as the import sees it: its stored state, and the state it should have afterwards.</summary>
internal sealed class RsvpState
{
    public int? Id { get; init; }
    public required int SessionId { get; init; }
    public required int AttendeeId { get; init; }
    public RsvpStatus? StoredStatus { get; init; }
    public int? StoredPosition { get; init; }
    public required RsvpStatus Status { get; set; }
    public int? Position { get; set; }

    /// <summary>Whether the row must be inserted or updated.</summary>
    public bool IsWritten => Id is null || Status != StoredStatus || Position != StoredPosition;
}

/// <summary>
/// Applies the file's RSVP statuses to a session's stored RSVPs. History keeps its statuses
/// (capacity does not apply); the waitlist is renumbered 1..k wherever the import changes it:
/// those already waiting keep their order, newcomers to the waitlist follow in file order.
/// </summary>
internal static class RsvpMerge
{
    /// <param name="stored">The stored RSVPs of the sessions of the file.</param>
    /// <param name="wanted">(session, attendee, status) from the file, in file order.</param>
    /// <returns>Every RSVP that must be inserted (<see cref="RsvpState.Id"/> null) or updated.</returns>
    public static List<RsvpState> Apply(IEnumerable<RsvpState> stored, IEnumerable<(int SessionId, int AttendeeId, RsvpStatus Status)> wanted)
    {
        var states = stored.ToDictionary(s => (s.SessionId, s.AttendeeId));
        var changed = new List<RsvpState>();
        // The sessions whose waitlist this import changes → who joins it, in file order.
        var arrivals = new Dictionary<int, List<RsvpState>>();
        foreach (var (sessionId, attendeeId, status) in wanted)
        {
            if (!states.TryGetValue((sessionId, attendeeId), out var state))
            {
                state = new RsvpState { SessionId = sessionId, AttendeeId = attendeeId, Status = status };
                states.Add((sessionId, attendeeId), state);
            }
            else if (state.Status == status)
            {
                continue;
            }
            var left = state.StoredStatus == RsvpStatus.Waitlisted;
            state.Status = status;
            changed.Add(state);
            if (status == RsvpStatus.Waitlisted || left)
            {
                if (!arrivals.TryGetValue(sessionId, out var list))
                {
                    arrivals[sessionId] = list = [];
                }
                if (status == RsvpStatus.Waitlisted)
                {
                    list.Add(state);
                }
            }
        }

        var stillWaiting = states.Values
            .Where(s => arrivals.ContainsKey(s.SessionId) && s.StoredStatus == RsvpStatus.Waitlisted && s.Status == RsvpStatus.Waitlisted)
            .ToLookup(s => s.SessionId);
        foreach (var (sessionId, newcomers) in arrivals)
        {
            var position = 0;
            foreach (var state in stillWaiting[sessionId].OrderBy(s => s.StoredPosition ?? int.MaxValue).ThenBy(s => s.Id).Concat(newcomers))
            {
                state.Position = ++position;
            }
        }
        foreach (var state in changed.Where(s => s.Status != RsvpStatus.Waitlisted))
        {
            state.Position = null;
        }
        return [.. states.Values.Where(s => s.IsWritten)];
    }
}
