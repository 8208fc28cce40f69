using Meetup.Data.Entities;
using Meetup.Web.Features.Home;

namespace Meetup.Web.Features.PublicSite;

public sealed record PublicEvent(int Id, string Name, string Slug, string Description, string TimeZone, IReadOnlyList<string> Languages);

/// <summary>The event page: the group, its next sessions (as on the home page) and all of its past ones.</summary>
public sealed record EventPageModel(PublicEvent Event, IReadOnlyList<HomeSession> Upcoming, IReadOnlyList<HomeSession> Past);

public sealed record SpeakerRef(int Id, string Name, string? Company);

public sealed record PublicAgendaItem(string Title, AgendaItemKind Kind, int DurationMinutes, IReadOnlyList<SpeakerRef> Speakers);

/// <summary>Everything the public session page shows. Only published and cancelled sessions become one.</summary>
public sealed record SessionPageModel(
    int Id, string EventName, string EventSlug, string TimeZone, string Title, string Description,
    DateTime StartsAt, DateTime EndsAt, SessionFormat Format, string? VenueName, string? VenueAddress,
    IReadOnlyList<string> Languages, int Capacity, int Confirmed, int Waitlisted, int Attended,
    SessionStatus Status, string? CancelReason, DateTime? RsvpOpensAt, DateTime? RsvpClosesAt,
    IReadOnlyList<PublicAgendaItem> Agenda)
{
    public int SeatsLeft => Math.Max(0, Capacity - Confirmed);
}

public sealed record SpeakerTalk(
    int SessionId, string EventSlug, string EventName, string TimeZone, string SessionTitle, DateTime StartsAt, string Title,
    AgendaItemKind Kind, bool Upcoming);

public sealed record SpeakerPageModel(
    int Id, string Name, string? Company, string? JobTitle, string Bio, IReadOnlyList<string> Links, IReadOnlyList<SpeakerTalk> Talks);
