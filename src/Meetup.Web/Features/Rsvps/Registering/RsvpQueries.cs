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
    /// <summary>
    /// Who an announcement's personal RSVP link names (its token is a link of their follow of the session's group, kept as
    /// a hash), to fill the form, and whether they are registered for the session already (the link opened again);
    /// null for an unknown, erased or other group's link. It only fills: nobody is registered by it.
    /// </summary>
    public async Task<RsvpInvitee?> InviteeAsync(int sessionId, string? token, CancellationToken ct = default)
    {
        if (token is null || !Shared.Links.ManageTokens.LooksValid(token))
        {
            return null;
        }
        var hash = Shared.Links.ManageTokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SubscriptionLinks.AsNoTracking()
            .Where(l => l.Hash == hash && l.Subscription!.Attendee!.ErasedAt == null
                && db.Sessions.Any(s => s.Id == sessionId && s.EventId == l.Subscription.EventId))
            .Select(l => new RsvpInvitee(l.Subscription!.Attendee!.DisplayName, l.Subscription.Attendee.Email, l.Subscription.Language ?? l.Subscription.Attendee.PreferredLanguage,
                l.Subscription.Status == SubscriptionStatus.Active,
                db.Rsvps.Where(r => r.SessionId == sessionId && r.AttendeeId == l.Subscription.AttendeeId && r.Status != RsvpStatus.Cancelled)
                    .Select(r => (RsvpStatus?)r.Status).FirstOrDefault(),
                db.Rsvps.Where(r => r.SessionId == sessionId && r.AttendeeId == l.Subscription.AttendeeId && r.Status != RsvpStatus.Cancelled)
                    .Select(r => r.WaitlistPosition).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>How many wait for a seat of the session (the "I can't come" page says the seat goes to them only then).</summary>
    public async Task<int> WaitlistedAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rsvps.CountAsync(r => r.SessionId == sessionId && r.Status == RsvpStatus.Waitlisted, ct);
    }

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

/// <summary>
/// Whom an announcement's personal link is for; <paramref name="Following"/>: they follow the event now;
/// <paramref name="Registered"/>: their RSVP for the session (confirmed or waitlisted at <paramref name="WaitlistPosition"/>), if any.
/// </summary>
public sealed record RsvpInvitee(string? Name, string? Email, string? Language, bool Following, RsvpStatus? Registered, int? WaitlistPosition);
