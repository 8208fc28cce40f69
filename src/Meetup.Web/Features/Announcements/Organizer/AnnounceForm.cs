using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Announcements.Organizer;

/// <summary>What the organizer fills in on the announce page; the send time is read in the event's time zone.</summary>
public sealed class AnnounceForm
{
    public int? SessionId { get; set; }

    /// <summary>followers | past_attendees | regulars | at_risk (the API's names).</summary>
    public string Audience { get; set; } = AnnounceAudiences.Followers;

    public string? Subject { get; set; }
    public string? Message { get; set; }

    /// <summary>Send later instead of now.</summary>
    public bool Schedule { get; set; }

    public DateTime? SendDate { get; set; }
    public TimeSpan? SendTime { get; set; }

    /// <summary>
    /// When "Send later" starts (UTC): when RSVP opens, if that is still ahead; else tomorrow at noon in the event's
    /// time zone; else, for a session sooner than that, the next full hour (or in ten minutes) — always before it starts.
    /// </summary>
    public static DateTime DefaultSendAt(DateTime nowUtc, Sessions.SessionResource session, string timeZone)
    {
        if (session.RsvpOpensAt is { } opens && opens > nowUtc.AddMinutes(5) && opens < session.StartsAt)
        {
            return opens;
        }
        var zone = TimeZones.Find(timeZone);
        var noon = DateTime.SpecifyKind(TimeZones.ToLocal(nowUtc, timeZone).Date.AddDays(1).AddHours(12), DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(noon) && TimeZoneInfo.ConvertTimeToUtc(noon, zone) is var noonUtc && noonUtc < session.StartsAt)
        {
            return noonUtc;
        }
        var nextHour = new DateTime(nowUtc.Year, nowUtc.Month, nowUtc.Day, nowUtc.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
        return nextHour < session.StartsAt ? nextHour : nowUtc.AddMinutes(10);
    }

    /// <summary>
    /// The input for the service; a send time that is missing or does not exist in the event's time zone (the hour
    /// skipped when the clocks change) is a field error on "sendAt" instead.
    /// </summary>
    public AnnouncementInput ToInput(string timeZone, ValidationErrors errors, IStringLocalizer<Strings> L)
    {
        DateTimeOffset? sendAt = null;
        if (Schedule)
        {
            if (SendDate is not { } date || SendTime is not { } time)
            {
                errors.Add("sendAt", L["Choose the day and time to send it."]);
            }
            else
            {
                var local = DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified);
                var zone = TimeZones.Find(timeZone);
                if (zone.IsInvalidTime(local))
                {
                    errors.Add("sendAt", L["This time does not exist in the event's time zone (the clocks change); choose another."]);
                }
                else
                {
                    sendAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
                }
            }
        }
        return new AnnouncementInput
        {
            SessionId = SessionId,
            Audience = Audience,
            Subject = string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim(),
            Message = string.IsNullOrWhiteSpace(Message) ? null : Message.Trim(),
            SendAt = sendAt,
        };
    }
}
