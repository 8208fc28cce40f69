using Meetup.Data;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;

namespace Meetup.Web.Features.Rsvps.Seats;

/// <summary>
/// What the work of one <see cref="SeatLock"/> unit shares: the context in the lock's transaction, the outbox whose
/// rows commit with the change that owes them, the base of the links those emails carry (read from the request
/// before the lock), and the instant the unit runs at.
/// </summary>
public sealed record SeatUnit(MeetupDb Db, Outbox Outbox, string BaseUrl, DateTime Now);
