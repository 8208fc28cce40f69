using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.PublicSite;

/// <summary>
/// Turns sessions into RFC 5545 text with Ical.Net: UTC instants, a UID that never changes, SEQUENCE
/// from the session (it grows with every change attendees must learn of) and STATUS:CANCELLED.
/// </summary>
public sealed class CalendarWriter(PublicUrls urls, IConfiguration config, TimeProvider time, IStringLocalizer<Strings> l)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // Calendar apps poll a subscribed feed on their own schedule; this asks for a few times a day.
    private const string RefreshInterval = "PT6H";

    /// <summary>The right-hand side of every UID (see <see cref="CalendarUids"/>).</summary>
    public string UidDomain => CalendarUids.Domain(config);

    public string Uid(int sessionId) => CalendarUids.ForSession(sessionId, UidDomain);

    public string Write(CalendarData data)
    {
        var calendar = new Calendar { ProductId = "-//Meetup//Meetup study sessions//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", data.Event.Name);
        calendar.AddProperty("NAME", data.Event.Name);
        var summary = PlainText.Excerpt(data.Event.Description, 300);
        if (summary.Length > 0)
        {
            calendar.AddProperty("X-WR-CALDESC", summary);
        }
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);

        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var session in data.Sessions)
        {
            calendar.Events.Add(ToEvent(data.Event, session, stamp));
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private CalendarEvent ToEvent(CalendarSource ev, CalendarEntry s, CalDateTime stamp)
    {
        var cancelled = s.Status == SessionStatus.Cancelled;
        var url = urls.Session(ev.Slug, s.Id);
        var item = new CalendarEvent
        {
            Uid = Uid(s.Id),
            DtStamp = stamp,
            DtStart = Utc(s.StartsAt),
            DtEnd = Utc(s.EndsAt),
            Sequence = s.Sequence,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            // Not every calendar app shows STATUS, so the title says it too.
            Summary = cancelled ? l["Cancelled: {0}", s.Title] : s.Title,
            Description = Description(s, url),
        };
        // A mistyped Meetup:PublicBaseUrl must not cost the whole feed.
        if (Uri.TryCreate(url, UriKind.Absolute, out var link))
        {
            item.Url = link;
        }
        if (Location(s) is { Length: > 0 } location)
        {
            item.Location = location;
        }
        if (s.CreatedAt != default)
        {
            item.Created = Utc(s.CreatedAt);
        }
        if (s.UpdatedAt != default)
        {
            item.LastModified = Utc(s.UpdatedAt);
        }
        return item;
    }

    private string Description(CalendarEntry s, string url)
    {
        var parts = new List<string>();
        if (s.Status == SessionStatus.Cancelled)
        {
            parts.Add(string.IsNullOrWhiteSpace(s.CancelReason)
                ? l["This session is cancelled."]
                : l["This session is cancelled: {0}", s.CancelReason.Trim()]);
        }
        if (PlainText.FromMarkdown(s.Description) is { Length: > 0 } text)
        {
            parts.Add(text);
        }
        parts.Add(l["Details and RSVP: {0}", url]);
        return string.Join("\n\n", parts);
    }

    // The public feed never carries the online URL: anyone can read it, and the link is for attendees.
    private string Location(CalendarEntry s)
    {
        var place = string.Join(", ", new[] { s.VenueName, s.VenueAddress }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return s.Format switch
        {
            SessionFormat.Online => l["Online"],
            SessionFormat.Hybrid when place.Length > 0 => l["{0} (also online)", place],
            SessionFormat.Hybrid => l["Online"],
            _ => place,
        };
    }

    private static CalDateTime Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
