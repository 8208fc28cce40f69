using System.Linq.Expressions;
using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.PublicSite;

public sealed record CalendarSource(string Name, string Slug, string Description);

public sealed record CalendarEntry(
    int Id, string Title, string Description, DateTime StartsAt, DateTime EndsAt, SessionFormat Format,
    string? VenueName, string? VenueAddress, SessionStatus Status, string? CancelReason, int Sequence,
    DateTime CreatedAt, DateTime UpdatedAt);

public sealed record CalendarData(CalendarSource Event, IReadOnlyList<CalendarEntry> Sessions);

/// <summary>What the iCalendar feeds hold: published and cancelled sessions, never drafts. One context per call.</summary>
public sealed class CalendarQueries(IDbContextFactory<MeetupDb> dbFactory)
{
    private static readonly Expression<Func<Session, CalendarEntry>> ToEntry = s => new CalendarEntry(
        s.Id, s.Title, s.Description, s.StartsAt, s.EndsAt, s.Format, s.VenueName, s.VenueAddress, s.Status,
        s.CancelReason, s.Sequence, s.CreatedAt, s.UpdatedAt);

    public async Task<CalendarData?> EventFeedAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug)
            .Select(e => new { e.Id, Source = new CalendarSource(e.Name, e.Slug, e.Description) })
            .SingleOrDefaultAsync(ct)
            // Subscribers of a renamed event's old feed keep getting it (calendar apps rarely follow redirects of a
            // subscription).
            ?? await db.Events.AsNoTracking().HadSlug(slug)
                .Select(e => new { e.Id, Source = new CalendarSource(e.Name, e.Slug, e.Description) })
                .FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }
        var sessions = await PublicSessions.Visible(db).Where(s => s.EventId == ev.Id).OrderBy(s => s.StartsAt).Select(ToEntry).ToListAsync(ct);
        return new CalendarData(ev.Source, sessions);
    }

    /// <summary>One session with its event, whatever the slug it was asked under (the endpoint redirects to the current one).</summary>
    public async Task<CalendarData?> SessionAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await PublicSessions.Visible(db).Where(s => s.Id == id)
            .Select(s => new CalendarSource(s.Event!.Name, s.Event.Slug, s.Event.Description))
            .SingleOrDefaultAsync(ct);
        var session = await PublicSessions.Visible(db).Where(s => s.Id == id).Select(ToEntry).SingleOrDefaultAsync(ct);
        return source is null || session is null ? null : new CalendarData(source, [session]);
    }
}
