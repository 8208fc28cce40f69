using System.Text.Json;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Notifications;

/// <summary>
/// An announcement's email to one follower: the organizer's subject (else "New session: {title}, {date}") and personal
/// line as plain text, the session's details in the event's zone, a personal RSVP link that fills the form, and the
/// unsubscribe link, also as RFC 8058 headers. The token reaches the email only through <see cref="ManageLinkSlot"/>.
/// </summary>
internal static class AnnouncementEmails
{
    /// <summary>The email; null when it no longer applies (erased, unsubscribed, the session no longer published).</summary>
    public static async Task<RenderedMessage?> RenderAsync(
        MeetupDb db, OutboxMessage message, PublicBase publicBase, IStringLocalizer<Strings> l, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<NotificationPayload>(message.Payload, Outbox.Json) ?? new();
        var row = await db.Announcements.AsNoTracking().Where(a => a.Id == payload.AnnouncementId)
            .Select(a => new { a.Subject, a.Message, Session = a.Session!, EventName = a.Event!.Name, a.Event.TimeZone })
            .FirstOrDefaultAsync(ct);
        var follow = await db.Subscriptions.AsNoTracking().Where(s => s.Id == payload.SubscriptionId)
            .Select(s => new { s.Status, s.Attendee!.DisplayName, s.Attendee.ErasedAt }).FirstOrDefaultAsync(ct);
        if (row is null || follow is null || follow.Status != SubscriptionStatus.Active || follow.ErasedAt is not null
            || row.Session.Status != SessionStatus.Published)
        {
            return null;
        }
        var baseUrl = publicBase.For(payload.BaseUrl);
        var s = row.Session;
        using var culture = new CultureScope(message.Culture);
        var when = Labels.When(s.StartsAt, row.TimeZone);
        var name = string.IsNullOrWhiteSpace(follow.DisplayName) ? l["there"] : follow.DisplayName;
        var unsubscribe = SubscriptionLinks.Unsubscribe(baseUrl, ManageLinkSlot.Placeholder);
        var body = new EmailBody()
            .Heading(l["New session: {0}", s.Title])
            .Paragraph(l["Hi {0}, {1} has a new session.", name, row.EventName]);
        if (!string.IsNullOrWhiteSpace(row.Message))
        {
            body.Quote(row.Message); // as written: EmailBody encodes it and keeps its line breaks, no markup ever reaches the HTML
        }
        var end = DateFormats.Time(TimeZones.ToLocal(s.EndsAt, row.TimeZone));
        var details = new List<(string, string)> { (l["Session"], s.Title), (l["Group"], row.EventName), (l["When"], $"{when} – {end}{Punctuation.Aside(row.TimeZone)}") };
        if (s.Format != SessionFormat.Online)
        {
            details.Add((l["Where"], Punctuation.List(new[] { s.VenueName, s.VenueAddress }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!))));
        }
        else
        {
            details.Add((l["Where"], l["Online"]));
        }
        body.Details(details)
            .Link(l["RSVP"], $"{RsvpLinks.NewRsvp(baseUrl, s.Id)}?invite={ManageLinkSlot.Placeholder}")
            .ParagraphLinking(l["You get this email because you follow {0}. Stop these emails: {1}", row.EventName, unsubscribe], unsubscribe);
        var subject = row.Subject ?? l["New session: {0}, {1}", s.Title, when];
        return new RenderedMessage(subject, body.Text, body.Html, []) { ListUnsubscribe = unsubscribe };
    }
}
