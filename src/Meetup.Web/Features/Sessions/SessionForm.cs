using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Sessions;

/// <summary>
/// The editor's bindable copy of a session. Dates and times are picked as wall-clock values in the
/// event's zone and sent as local text; the service reads and validates them.
/// </summary>
public sealed class SessionForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; } = new(19, 30, 0);
    public int DurationMinutes { get; set; } = 120;
    public SessionFormat Format { get; set; } = SessionFormat.InPerson;
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public string? OnlineUrl { get; set; }
    public int Capacity { get; set; } = 30;
    public IReadOnlyCollection<string> Languages { get; set; } = [];
    public DateTime? RsvpOpensDate { get; set; }
    public TimeSpan? RsvpOpensTime { get; set; }
    public DateTime? RsvpClosesDate { get; set; }
    public TimeSpan? RsvpClosesTime { get; set; }

    public static SessionForm ForNew(EventResource ev) => new()
    {
        Capacity = ev.DefaultCapacity,
        Languages = [.. ev.DefaultLanguages],
        VenueName = ev.DefaultVenueName,
        VenueAddress = ev.DefaultVenueAddress,
    };

    public static SessionForm From(SessionResource s)
    {
        var zone = TimeZones.Find(s.TimeZone);
        var start = Local(s.StartsAt, zone);
        var form = new SessionForm
        {
            Title = s.Title,
            Description = s.Description,
            Date = start.Date,
            Time = start.TimeOfDay,
            DurationMinutes = (int)(s.EndsAt - s.StartsAt).TotalMinutes,
            Format = EnumNames.ParseSnakeCase<SessionFormat>(s.Format),
            VenueName = s.VenueName,
            VenueAddress = s.VenueAddress,
            OnlineUrl = s.OnlineUrl,
            Capacity = s.Capacity,
            Languages = [.. s.Languages],
        };
        if (s.RsvpOpensAt is { } opens)
        {
            var local = Local(opens, zone);
            (form.RsvpOpensDate, form.RsvpOpensTime) = (local.Date, local.TimeOfDay);
        }
        if (s.RsvpClosesAt is { } closes)
        {
            var local = Local(closes, zone);
            (form.RsvpClosesDate, form.RsvpClosesTime) = (local.Date, local.TimeOfDay);
        }
        return form;
    }

    public SessionInput ToInput() => new()
    {
        Title = Title,
        Description = Description ?? "",
        StartsAt = Text(Date, Time),
        DurationMinutes = DurationMinutes,
        Format = Format.ToSnakeCase(),
        VenueName = VenueName,
        VenueAddress = VenueAddress,
        OnlineUrl = OnlineUrl,
        Capacity = Capacity,
        Languages = [.. Languages],
        RsvpOpensAt = Text(RsvpOpensDate, RsvpOpensTime ?? TimeSpan.Zero, optional: true),
        RsvpClosesAt = Text(RsvpClosesDate, RsvpClosesTime ?? TimeSpan.Zero, optional: true),
    };

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static string? Text(DateTime? date, TimeSpan? time, bool optional = false)
        => date is { } d && time is { } t
            ? (d.Date + t).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : optional ? null : "";
}
