using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Notifications;

/// <summary>What a message says, per kind. Strings go through the UI's localizer (keys are the English text).</summary>
internal sealed class EmailTemplates(IStringLocalizer<Strings> l)
{
    public const string QrContentId = "checkin-qr";

    public RenderedMessage Render(MessageContext c)
    {
        var s = c.Session;
        var name = string.IsNullOrWhiteSpace(c.Person?.DisplayName) ? l["there"] : c.Person!.DisplayName!;
        var body = new EmailBody();
        var attachments = new List<EmailAttachment>();
        string subject;
        var withCode = false;
        var invite = InviteKind.None;

        switch (c.Message.Kind)
        {
            case NotificationKind.RsvpConfirmed:
                subject = l["You have a seat: {0}", s.Title];
                body.Heading(l["You have a seat"]).Paragraph(l["Hi {0}, you are confirmed for {1}.", name, s.Title]);
                withCode = true;
                invite = InviteKind.Publish;
                break;
            case NotificationKind.RsvpWaitlisted:
                subject = l["You are on the waitlist (#{0}): {1}", c.Payload.WaitlistPosition ?? 0, s.Title];
                body.Heading(l["You are on the waitlist"])
                    .Paragraph(l["Hi {0}, {1} is full. You are number {2} on the waitlist.", name, s.Title, c.Payload.WaitlistPosition ?? 0])
                    .Paragraph(l["When a seat frees up, it goes to the first person waiting and we email you at once."]);
                break;
            case NotificationKind.RsvpPromoted:
                subject = l["A seat freed up, you are in: {0}", s.Title];
                body.Heading(l["A seat freed up for you"]).Paragraph(l["Hi {0}, someone cancelled and the seat is yours: you are confirmed for {1}.", name, s.Title]);
                withCode = true;
                invite = InviteKind.Publish;
                break;
            case NotificationKind.RsvpCancelled:
                subject = l["Your RSVP is cancelled: {0}", s.Title];
                body.Heading(l["Your RSVP is cancelled"]).Paragraph(l["Hi {0}, we have cancelled your RSVP for {1}. Thank you for letting us know: your seat goes to someone on the waitlist.", name, s.Title]);
                invite = InviteKind.Cancel;
                break;
            case NotificationKind.ManageLink:
                subject = l["Your RSVP link: {0}", s.Title];
                body.Heading(l["Your RSVP link"]).Paragraph(l["Hi {0}, here is a new link to see, change or cancel your RSVP for {1}. Links we sent before keep working.", name, s.Title]);
                body.Paragraph(c.Rsvp?.Status == RsvpStatus.Confirmed
                    ? l["You have a seat."]
                    : l["You are number {0} on the waitlist.", c.Rsvp?.WaitlistPosition ?? 0]);
                withCode = c.Rsvp?.Status == RsvpStatus.Confirmed;
                break;
            case NotificationKind.SessionChanged:
                subject = l["Changed: {0}", s.Title];
                body.Heading(l["The session has changed"]).Paragraph(l["Hi {0}, the organizers changed the time or place of {1}. The new details are below; the attached calendar entry replaces the old one.", name, s.Title]);
                withCode = c.Rsvp?.Status == RsvpStatus.Confirmed;
                invite = InviteKind.Publish;
                break;
            case NotificationKind.SessionCancelled:
                subject = l["Cancelled: {0}", s.Title];
                body.Heading(l["The session is cancelled"]).Paragraph(l["Hi {0}, the organizers have cancelled {1}.", name, s.Title]);
                if (!string.IsNullOrWhiteSpace(c.Payload.Reason))
                {
                    body.Paragraph(l["Reason: {0}", c.Payload.Reason]);
                }
                invite = InviteKind.Cancel;
                break;
            case NotificationKind.Reminder:
                subject = l["Tomorrow: {0}", s.Title];
                body.Heading(l["See you tomorrow"]).Paragraph(l["Hi {0}, a reminder: {1} starts in about 24 hours.", name, s.Title]);
                withCode = true;
                invite = InviteKind.Publish;
                break;
            case NotificationKind.SessionMessage:
                subject = l["About {1}: {0}", c.Payload.Subject ?? "", s.Title];
                body.Heading(c.Payload.Subject ?? "").Paragraph(l["Hi {0}, the organizers of {1} wrote to the people registered:", name, s.Title])
                    .Quote(c.Payload.Message ?? "");
                break;
            case NotificationKind.ThankYou:
                subject = l["Thank you for coming: {0}", s.Title];
                body.Heading(l["Thank you for coming"])
                    .Paragraph(l["Hi {0}, thank you for coming to {1}.", name, s.Title])
                    .Paragraph(l["What worked, what was too long, what should come next? Two minutes of feedback shape the next session."])
                    .Link(l["Give feedback"], RsvpLinks.Survey(c.Payload.BaseUrl, ManageLinkSlot.Placeholder));
                return new RenderedMessage(subject, body.Text, body.Html, attachments);
            default:
                throw new InvalidOperationException($"No template for {c.Message.Kind}.");
        }

        body.Details(Details(c));
        if (withCode && c.Rsvp?.CheckInCode is { } code)
        {
            var qr = RsvpLinks.CheckInQr(c.Payload.BaseUrl, s.Id, code);
            attachments.Add(new EmailAttachment("checkin-qr.png", "image/png", Convert.ToBase64String(QrCodes.Png(qr)), QrContentId));
            body.Code(l["Your check-in code"], CheckInCodes.Display(code), QrContentId, l["QR code for checking in"])
                .Paragraph(l["Show the QR code at the door, or tell the helper your code."]);
        }
        if (s.Format != SessionFormat.InPerson && c.Rsvp?.Status == RsvpStatus.Confirmed && invite == InviteKind.Publish)
        {
            body.Paragraph(l["It is an online session too: the Join button on your RSVP page opens the video call when the session starts."]);
        }
        if (c.WithManageLink && c.Rsvp?.Status is RsvpStatus.Confirmed or RsvpStatus.Waitlisted && s.Status == SessionStatus.Published)
        {
            body.Paragraph(l["Can't come after all? Free your seat for someone else."])
                .Link(l["I can't come"], RsvpLinks.CantCome(c.Payload.BaseUrl, ManageLinkSlot.Placeholder));
        }
        if (c.WithManageLink)
        {
            body.Link(l["See, change or cancel your RSVP"], RsvpLinks.Manage(c.Payload.BaseUrl, ManageLinkSlot.Placeholder));
            if (c.Payload.SubscriptionId is not null && c.Message.Kind is NotificationKind.RsvpConfirmed or NotificationKind.RsvpWaitlisted)
            {
                // Asked with the RSVP (double opt-in): nothing is sent about new sessions until this link is used.
                body.Paragraph(l["You asked to hear about new sessions of {0}. Confirm it with this link; until then nothing is sent.", c.EventName])
                    .Link(l["Yes, tell me about new sessions"], SubscriptionLinks.Confirm(c.Payload.BaseUrl, ManageLinkSlot.FollowPlaceholder));
            }
        }
        else if (c.Message.Kind is not (NotificationKind.SessionCancelled or NotificationKind.RsvpCancelled))
        {
            body.Paragraph(l["To change or cancel, use the link in your first email, or ask for a new one: {0}", RsvpLinks.NewRsvp(c.Payload.BaseUrl, s.Id)]);
        }
        if (invite != InviteKind.None)
        {
            var ics = SessionInvite.Build(s, c.EventName, c.SessionUrl, c.UidDomain, cancel: invite == InviteKind.Cancel, online: l["Online"]);
            attachments.Add(new EmailAttachment("session.ics", "text/calendar", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ics))));
        }
        return new RenderedMessage(subject, body.Text, body.Html, attachments);
    }

    private IEnumerable<(string, string)> Details(MessageContext c)
    {
        var s = c.Session;
        yield return (l["Session"], s.Title);
        yield return (l["Group"], c.EventName);
        var end = DateFormats.Time(TimeZones.ToLocal(s.EndsAt, c.TimeZone));
        yield return (l["When"], $"{Labels.When(s.StartsAt, c.TimeZone)} – {end}{Punctuation.Aside(c.TimeZone)}");
        if (s.Format != SessionFormat.Online)
        {
            yield return (l["Where"], Punctuation.List(new[] { s.VenueName, s.VenueAddress }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)));
        }
        if (s.Format != SessionFormat.InPerson)
        {
            yield return (l["Online"], l["Join from your RSVP page"]);
        }
        if (s.Languages.Count > 0)
        {
            yield return (l["Languages"], Punctuation.List(s.Languages.Select(code => Labels.Language(l, code))));
        }
    }

    private enum InviteKind { None, Publish, Cancel }
}
