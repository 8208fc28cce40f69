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

    /// <summary>
    /// Moves the start to <paramref name="date"/> and <paramref name="time"/>; a set RSVP window moves by the same amount
    /// of local time, so "closes at the start" or "opens a week before at noon" stays true.
    /// </summary>
    public void MoveStart(DateTime? date, TimeSpan? time)
    {
        var before = Combine(Date, Time);
        (Date, Time) = (date?.Date, time);
        if (before is not { } b || Combine(Date, Time) is not { } a || a == b)
        {
            return;
        }
        (RsvpOpensDate, RsvpOpensTime) = Shift(RsvpOpensDate, RsvpOpensTime, a - b);
        (RsvpClosesDate, RsvpClosesTime) = Shift(RsvpClosesDate, RsvpClosesTime, a - b);
    }

    /// <summary>How long before the start (local wall-clock) the window opens or closes; null when either is unset.</summary>
    public TimeSpan? BeforeStart(DateTime? date, TimeSpan? time)
        => Combine(Date, Time) is { } start && date is { } d ? start - (d.Date + (time ?? TimeSpan.Zero)) : null;

    /// <summary>The start in <paramref name="zone"/> as UTC; null when unset or not a time there (a daylight-saving gap).</summary>
    public DateTime? StartUtc(TimeZoneInfo zone)
        => Combine(Date, Time) is { } local && LocalTime.TryToUtc(local, zone, out var utc, out _) ? utc : null;

    /// <summary>The RSVP opening in <paramref name="zone"/> as UTC (a date alone opens at midnight); null when unset or not a time there.</summary>
    public DateTime? RsvpOpensUtc(TimeZoneInfo zone)
        => RsvpOpensDate is { } date && LocalTime.TryToUtc(date.Date + (RsvpOpensTime ?? TimeSpan.Zero), zone, out var utc, out _) ? utc : null;

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

    private static DateTime? Combine(DateTime? date, TimeSpan? time) => date is { } d && time is { } t ? d.Date + t : null;

    private static (DateTime?, TimeSpan?) Shift(DateTime? date, TimeSpan? time, TimeSpan by)
    {
        if (date is not { } d)
        {
            return (date, time);
        }
        var moved = d.Date + (time ?? TimeSpan.Zero) + by;
        return (moved.Date, moved.TimeOfDay);
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static string? Text(DateTime? date, TimeSpan? time, bool optional = false)
        => date is { } d && time is { } t
            ? (d.Date + t).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : optional ? null : "";
}
