using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.PublicSite;

/// <summary>
/// Reads for the public event, session and speaker pages. Drafts never leave this class: every
/// query starts from sessions that are published or cancelled. One context per call.
/// </summary>
public sealed class PublicEventQueries(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    public async Task<EventPageModel?> EventAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug)
            .Select(e => new PublicEvent(e.Id, e.Name, e.Slug, e.Description, e.TimeZone, e.DefaultLanguages))
            .SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var visible = PublicSessions.Visible(db).Where(s => s.EventId == ev.Id);
        var upcoming = await HomeQueries.Project(visible.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt)).ToListAsync(ct);
        var past = await HomeQueries.Project(visible.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt)).ToListAsync(ct);
        return new EventPageModel(ev, upcoming, past);
    }

    /// <summary>The current address of the event that had this one before a rename (the latest such event), if any.</summary>
    public async Task<string?> CurrentSlugAsync(string formerSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking().HadSlug(formerSlug).Select(e => e.Slug).FirstOrDefaultAsync(ct);
    }

    /// <summary>The session with this id, whatever its event's slug (the page redirects to the current one).</summary>
    public async Task<SessionPageModel?> SessionAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PublicSessions.Visible(db).Where(s => s.Id == id)
            .Select(s => new SessionPageModel(
                s.Id, s.Event!.Name, s.Event.Slug, s.Event.TimeZone, s.Title, s.Description,
                s.StartsAt, s.EndsAt, s.Format, s.VenueName, s.VenueAddress,
                s.Languages, s.Capacity,
                s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
                s.Rsvps.Count(r => r.Status == RsvpStatus.Waitlisted),
                s.CheckIns.Count,
                s.Status, s.CancelReason, s.RsvpOpensAt, s.RsvpClosesAt,
                s.AgendaItems.OrderBy(a => a.Position).Select(a => new PublicAgendaItem(
                    a.Title, a.Kind, a.DurationMinutes,
                    a.Speakers.OrderBy(p => p.Id).Select(p => new SpeakerRef(p.Id, p.Name, p.Company)).ToList())).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>A speaker's profile and talks, newest first; only talks in published sessions count.</summary>
    public async Task<SpeakerPageModel?> SpeakerAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var speaker = await db.Speakers.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.Company, p.JobTitle, p.Bio, p.Links })
            .SingleOrDefaultAsync(ct);
        if (speaker is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var talks = await db.AgendaItems.AsNoTracking()
            .Where(a => a.Speakers.Any(p => p.Id == id) && a.Session!.Status == SessionStatus.Published)
            .OrderByDescending(a => a.Session!.StartsAt).ThenBy(a => a.Position)
            .Select(a => new SpeakerTalk(
                a.SessionId, a.Session!.Event!.Slug, a.Session.Event.Name, a.Session.Event.TimeZone,
                a.Session.Title, a.Session.StartsAt, a.Title, a.Kind, a.Session.EndsAt > now))
            .ToListAsync(ct);
        return new SpeakerPageModel(speaker.Id, speaker.Name, speaker.Company, speaker.JobTitle, speaker.Bio, speaker.Links, talks);
    }
}
