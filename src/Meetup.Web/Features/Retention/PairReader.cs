using Meetup.Data;
using Meetup.Data.Reading;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// Reads (session, attendee) pairs — there are millions — without materializing an entity per row
/// (<see cref="IntPairReader"/>, which explains why).
/// </summary>
internal static class PairReader
{
    /// <param name="query">A projection to <see cref="SessionAttendee"/>: its SQL selects SessionId, then AttendeeId.</param>
    public static Task<List<SessionAttendee>> ReadAsync(MeetupDb db, IQueryable<SessionAttendee> query, CancellationToken ct)
        => IntPairReader.ReadAsync(db, query, static (session, attendee) => new SessionAttendee(session, attendee), ct);
}
