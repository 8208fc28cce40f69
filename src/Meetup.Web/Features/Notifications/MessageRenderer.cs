using System.Text.Json;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Notifications;

/// <summary>What a template needs: the message, the facts it reports and the current session.</summary>
internal sealed record MessageContext(
    OutboxMessage Message, NotificationPayload Payload, Session Session, string EventName, string TimeZone, string SessionUrl,
    Rsvp? Rsvp, Attendee? Person, bool WithManageLink, string UidDomain);

/// <summary>
/// Turns an outbox row into the email, once, at its first send attempt: the session's current
/// details in the recipient's language. Null means the message no longer applies (the RSVP was
/// cancelled before its reminder, the check-in was undone before the thank-you) and is skipped.
/// </summary>
public sealed class MessageRenderer(IDbContextFactory<MeetupDb> dbFactory, Outbox outbox, Shared.Links.PublicBase publicBase, IStringLocalizer<Strings> l, IConfiguration config)
{
    public async Task<RenderedMessage?> RenderAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<NotificationPayload>(message.Payload, Outbox.Json) ?? new();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (message.Kind == NotificationKind.SubscriptionConfirm)
        {
            return await FollowEmails.RenderConfirmAsync(db, message, publicBase, l, ct);
        }
        if (message.Kind == NotificationKind.Announcement)
        {
            return await AnnouncementEmails.RenderAsync(db, message, publicBase, l, ct);
        }
        var row = await db.Sessions.AsNoTracking().Where(s => s.Id == message.SessionId)
            .Select(s => new { Session = s, EventName = s.Event!.Name, EventSlug = s.Event.Slug, s.Event.TimeZone })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var rsvp = message.RsvpId is { } rsvpId
            ? await db.Rsvps.AsNoTracking().Include(r => r.Attendee).FirstOrDefaultAsync(r => r.Id == rsvpId, ct)
            : null;
        var person = rsvp?.Attendee ?? (message.AttendeeId is { } attendeeId ? await db.Attendees.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attendeeId, ct) : null);
        var session = row.Session;

        var stale = message.Kind switch
        {
            NotificationKind.Reminder => rsvp?.Status != RsvpStatus.Confirmed || session.Status != SessionStatus.Published,
            NotificationKind.RsvpConfirmed or NotificationKind.RsvpPromoted => rsvp?.Status != RsvpStatus.Confirmed,
            NotificationKind.RsvpWaitlisted => rsvp?.Status == RsvpStatus.Cancelled,
            NotificationKind.ThankYou => session.Status != SessionStatus.Published
                || !await db.CheckIns.AnyAsync(c => c.SessionId == session.Id && c.AttendeeId == message.AttendeeId, ct),
            _ => false,
        };
        if (stale || person?.Email is null)
        {
            return null;
        }

        // Checked again now: Meetup:PublicBaseUrl wins, and a base queued before it was set (or from a host no longer allowed) gives way.
        var baseUrl = publicBase.For(payload.BaseUrl);
        payload = payload with { BaseUrl = baseUrl };
        var sessionUrl = $"{baseUrl}/events/{Uri.EscapeDataString(row.EventSlug)}/sessions/{session.Id}";
        var context = new MessageContext(message, payload, session, row.EventName, row.TimeZone, sessionUrl, rsvp, person, outbox.Unprotect(message.Secret) is not null, Shared.CalendarUids.Domain(config));
        using var culture = new CultureScope(message.Culture);
        return new EmailTemplates(l).Render(context);
    }
}
