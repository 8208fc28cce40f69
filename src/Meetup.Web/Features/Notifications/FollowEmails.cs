using System.Text.Json;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Notifications;

/// <summary>
/// Emails about following a group, which name a study group rather than a session: the confirmation of a follow
/// request (double opt-in). The link's token reaches the email only through <see cref="ManageLinkSlot"/>.
/// </summary>
internal static class FollowEmails
{
    /// <summary>The confirmation email; null when the request no longer applies (withdrawn, erased, already following).</summary>
    public static async Task<RenderedMessage?> RenderConfirmAsync(
        MeetupDb db, OutboxMessage message, PublicBase publicBase, IStringLocalizer<Strings> l, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<NotificationPayload>(message.Payload, Outbox.Json) ?? new();
        var row = await db.Subscriptions.AsNoTracking().Where(s => s.Id == payload.SubscriptionId)
            .Select(s => new { s.Status, EventName = s.Event!.Name, s.Attendee!.DisplayName, s.Attendee.Email })
            .FirstOrDefaultAsync(ct);
        if (row?.Email is null || row.Status == SubscriptionStatus.Active)
        {
            return null;
        }
        var baseUrl = publicBase.For(payload.BaseUrl);
        using var culture = new CultureScope(message.Culture);
        var name = string.IsNullOrWhiteSpace(row.DisplayName) ? l["there"] : row.DisplayName;
        var body = new EmailBody()
            .Heading(l["Confirm that you follow {0}", row.EventName])
            .Paragraph(l["Hi {0}, someone (we hope you) asked to hear about new sessions of {1} at this address.", name, row.EventName])
            .Link(l["Yes, tell me about new sessions"], SubscriptionLinks.Confirm(baseUrl, ManageLinkSlot.Placeholder))
            .Paragraph(l["If it was not you, ignore this email: nothing is sent to you until you confirm with the link above."]);
        return new RenderedMessage(l["Confirm: new sessions of {0}", row.EventName], body.Text, body.Html, []);
    }
}
