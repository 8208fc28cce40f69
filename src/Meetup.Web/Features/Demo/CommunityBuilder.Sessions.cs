using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

internal sealed partial class CommunityBuilder
{
    private Session NewSession(SessionPlan plan, string? previousTalk)
    {
        var startsAt = ToUtc(plan.Date, plan.Date.DayOfWeek == DayOfWeek.Sunday
            ? DemoCommunity.SundayStart
            : DemoCommunity.WeekdayStart);
        var createdAt = startsAt.AddDays(-14);
        var cancelled = plan.CancelReason is not null;
        var session = new Session
        {
            Title = plan.Title,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(plan.Agenda.Sum(a => a.Minutes)),
            Format = plan.Format,
            VenueName = plan.Room?.Name,
            VenueAddress = plan.Room?.Address,
            OnlineUrl = plan.Format == SessionFormat.InPerson ? null : DemoCommunity.OnlineUrl,
            Capacity = plan.Format switch
            {
                SessionFormat.Online => DemoCommunity.OnlineCapacity,
                SessionFormat.Hybrid => plan.Room!.Capacity + DemoCommunity.HybridOnlineSeats,
                _ => plan.Room!.Capacity,
            },
            Languages = [.. plan.Languages],
            RsvpOpensAt = createdAt,
            RsvpClosesAt = startsAt,
            Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Published,
            CancelReason = plan.CancelReason,
            // Cancelling is a change attendees' calendars must learn about.
            Sequence = cancelled ? 1 : 0,
            CreatedAt = createdAt,
            UpdatedAt = cancelled ? startsAt.AddDays(-5) : createdAt,
        };
        session.AgendaItems.AddRange(NewAgenda(plan.Agenda, previousTalk, createdAt));
        return session;
    }

    private IEnumerable<AgendaItem> NewAgenda(IReadOnlyList<AgendaPlan> agenda, string? previousTalk, DateTime createdAt)
        => agenda.Select((item, position) => new AgendaItem
        {
            Position = position,
            Kind = item.Kind,
            DurationMinutes = item.Minutes,
            Title = item.Title ?? (previousTalk is null ? "Review of last session" : $"Review of last session: {previousTalk}"),
            Speakers = [.. item.SpeakerKeys.Select(key => SpeakerFor(key, createdAt))],
        });

    private Speaker SpeakerFor(string key, DateTime createdAt)
    {
        var speaker = _speakers[key];
        // Sessions are built oldest first, so the first talk dates the profile.
        if (speaker.CreatedAt == default)
        {
            speaker.CreatedAt = createdAt;
        }
        return speaker;
    }

    private Session NewUpcomingSession(int heldCount)
    {
        var plan = DemoCommunity.Upcoming;
        var startsAt = ToUtc(NextUpcomingDate(), DemoCommunity.WeekdayStart);
        var createdAt = _now.AddDays(-6);
        var opensAt = _now.AddDays(-5);
        var session = new Session
        {
            Title = plan.Title,
            Description = plan.Description,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(plan.Agenda.Sum(a => a.Minutes)),
            Format = SessionFormat.InPerson,
            VenueName = plan.Room.Name,
            VenueAddress = plan.Room.Address,
            Capacity = plan.Room.Capacity,
            Languages = [.. plan.Languages],
            RsvpOpensAt = opensAt,
            RsvpClosesAt = startsAt,
            Status = SessionStatus.Published,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        session.AgendaItems.AddRange(NewAgenda(plan.Agenda, null, createdAt));

        // The regulars answer first: those who came most to the recent sessions, then overall.
        var recent = heldCount - 8;
        var regulars = _people
            .Where(p => p.Attended.Count > 0)
            .OrderByDescending(p => p.Attended.Count(i => i >= recent))
            .ThenByDescending(p => p.Attended.Count)
            .Take(UpcomingRsvps);
        foreach (var person in regulars)
        {
            var at = Between(opensAt, _now);
            session.Rsvps.Add(new Rsvp { Attendee = person.Attendee, Status = RsvpStatus.Confirmed, CreatedAt = at, UpdatedAt = at });
            _rsvps++;
        }
        return session;
    }

    /// <summary>The first Wednesday, at the usual 19:30 Tokyo time, at least ten days from now.</summary>
    private DateOnly NextUpcomingDate()
    {
        var earliest = TimeZoneInfo.ConvertTime(_now.AddDays(10), _zone);
        var day = DateOnly.FromDateTime(earliest);
        while (day.DayOfWeek != DayOfWeek.Wednesday || day.ToDateTime(DemoCommunity.WeekdayStart) < earliest)
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
