using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Registering;

public sealed record QuestionView(int Id, string Prompt, QuestionKind Kind, IReadOnlyList<string> Options, bool Required);

/// <summary>What the RSVP form needs to know about a session.</summary>
public sealed record RsvpFormInfo(
    int SessionId, string EventName, string EventSlug, string Title, SessionStatus Status, DateTime StartsAt, DateTime EndsAt, string TimeZone,
    SessionFormat Format, string? VenueName, string? VenueAddress, int Capacity, int Confirmed, int Waitlisted,
    IReadOnlyList<string> Languages, IReadOnlyList<QuestionView> Questions, NotOpenReason? NotOpen, DateTime? OpensAt)
{
    public int SeatsLeft => Math.Max(0, Capacity - Confirmed);
}

public sealed class RsvpQueries(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    public async Task<RsvpFormInfo?> FormAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new
            {
                Session = s,
                EventName = s.Event!.Name,
                s.Event.Slug,
                s.Event.TimeZone,
                Confirmed = s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
                Waitlisted = s.Rsvps.Count(r => r.Status == RsvpStatus.Waitlisted),
                Questions = s.Event.Questions.OrderBy(q => q.Position).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var s = row.Session;
        var notOpen = RsvpRules.WhyNotOpen(s.Status, s.StartsAt, s.RsvpOpensAt, s.RsvpClosesAt, time.GetUtcNow().UtcDateTime);
        return new RsvpFormInfo(s.Id, row.EventName, row.Slug, s.Title, s.Status, s.StartsAt, s.EndsAt, row.TimeZone, s.Format, s.VenueName, s.VenueAddress,
            s.Capacity, row.Confirmed, row.Waitlisted, s.Languages,
            [.. row.Questions.Select(q => new QuestionView(q.Id, q.Prompt, q.Kind, q.Options, q.Required))], notOpen, s.RsvpOpensAt);
    }
}
