using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Registering;

public sealed record QuestionView(int Id, string Prompt, QuestionKind Kind, IReadOnlyList<string> Options, bool Required);

/// <summary>What the RSVP form needs to know about a session: read once by its page and handed to the form.</summary>
public sealed record RsvpFormInfo(SessionView Session, int Confirmed, int Waitlisted, IReadOnlyList<QuestionView> Questions, NotOpenReason? NotOpen)
{
    public int SeatsLeft => Math.Max(0, Session.Capacity - Confirmed);
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
        var s = SessionView.Of(row.Session, row.EventName, row.Slug, row.TimeZone);
        var notOpen = RsvpRules.WhyNotOpen(s.Status, s.StartsAt, s.RsvpOpensAt, s.RsvpClosesAt, time.GetUtcNow().UtcDateTime);
        return new RsvpFormInfo(s, row.Confirmed, row.Waitlisted,
            [.. row.Questions.Select(q => new QuestionView(q.Id, q.Prompt, q.Kind, q.Options, q.Required))], notOpen);
    }
}
