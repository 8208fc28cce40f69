using Meetup.Data.Entities;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Sessions;

/// <summary>The checked, parsed form of a <see cref="SessionInput"/>: what may be written.</summary>
internal sealed record SessionFields(
    string Title, string Description, DateTime StartsAt, DateTime EndsAt, SessionFormat Format,
    string? VenueName, string? VenueAddress, string? OnlineUrl, int Capacity, List<string> Languages,
    DateTime? RsvpOpensAt, DateTime? RsvpClosesAt);

/// <summary>Every rule of a session's fields; errors are keyed by the API's field names.</summary>
internal static class SessionRules
{
    public const int MaxDurationMinutes = 24 * 60;

    public static OperationResult<SessionFields> Check(SessionInput input, TimeZoneInfo zone, DateTime nowUtc, IStringLocalizer<Strings> l)
    {
        var errors = new ValidationErrors();
        var title = input.Title?.Trim() ?? "";
        if (TextRules.LineError(title, l) is { } titleError)
        {
            errors.Add("title", titleError);
        }
        else if (title.Length == 0)
        {
            errors.Add("title", l["Enter a title."]);
        }
        else if (title.Length > 200)
        {
            errors.Add("title", l["Keep the title under 200 characters."]);
        }

        errors.CheckText("description", input.Description, l);
        var start = Instant(input.StartsAt, "startsAt", required: true, zone, nowUtc, errors, l);
        var end = Instant(input.EndsAt, "endsAt", required: false, zone, nowUtc, errors, l);
        if (input.DurationMinutes is { } minutes && (minutes < 1 || minutes > MaxDurationMinutes))
        {
            errors.Add("durationMinutes", l["The duration must be between 1 minute and 24 hours."]);
        }
        if (start is { } s && !errors.Has("durationMinutes"))
        {
            if (end is null && input.EndsAt is null)
            {
                end = s.AddMinutes(input.DurationMinutes ?? 120);
            }
            if (end is { } e && e <= s)
            {
                errors.Add("endsAt", l["The end must be after the start."]);
            }
            else if (end is { } e2 && (e2 - s).TotalMinutes > MaxDurationMinutes)
            {
                errors.Add("endsAt", l["A session lasts at most 24 hours."]);
            }
        }

        SessionFormat format = SessionFormat.InPerson;
        if (string.IsNullOrWhiteSpace(input.Format))
        {
            errors.Add("format", l["Choose a format: in_person, online or hybrid."]);
        }
        else if (!TextRules.IsSingleLine(input.Format) || !EnumNames.TryParseSnakeCase(input.Format, out format))
        {
            errors.Add("format", l["'{0}' is not a format; use in_person, online or hybrid.", input.Format]);
        }

        errors.CheckLine("venueName", input.VenueName, l);
        errors.CheckLine("venueAddress", input.VenueAddress, l);
        var venueName = Blank(input.VenueName);
        var venueAddress = Blank(input.VenueAddress);
        var onlineUrl = Blank(input.OnlineUrl);
        var needsPlace = format is SessionFormat.InPerson or SessionFormat.Hybrid;
        var needsUrl = format is SessionFormat.Online or SessionFormat.Hybrid;
        if (needsPlace && venueName is null)
        {
            errors.Add("venueName", l["An in-person or hybrid session needs a venue."]);
        }
        if (needsPlace && venueAddress is null)
        {
            errors.Add("venueAddress", l["An in-person or hybrid session needs the venue's address."]);
        }
        if (venueName?.Length > 200)
        {
            errors.Add("venueName", l["Keep the venue name under 200 characters."]);
        }
        if (venueAddress?.Length > 500)
        {
            errors.Add("venueAddress", l["Keep the address under 500 characters."]);
        }
        if (onlineUrl is not null && !IsHttpsUrl(onlineUrl))
        {
            errors.Add("onlineUrl", l["The online link must be a full https:// address."]);
        }
        else if (needsUrl && onlineUrl is null)
        {
            errors.Add("onlineUrl", l["An online or hybrid session needs its https:// link."]);
        }

        if (input.Capacity is null)
        {
            errors.Add("capacity", l["Enter the number of seats."]);
        }
        else if (input.Capacity is < 1 or > EventRules.MaxCapacity)
        {
            errors.Add("capacity", l["Capacity must be between 1 and {0}.", EventRules.MaxCapacity]);
        }

        var languages = LanguageCodes.Normalize(input.Languages);
        LanguageCodes.Check(input.Languages, "languages", errors, l);
        if (languages.Count == 0)
        {
            errors.Add("languages", l["Choose at least one language."]);
        }

        var opens = Instant(input.RsvpOpensAt, "rsvpOpensAt", required: false, zone, nowUtc, errors, l);
        var closes = Instant(input.RsvpClosesAt, "rsvpClosesAt", required: false, zone, nowUtc, errors, l);
        if (opens is { } o && closes is { } c && c <= o)
        {
            errors.Add("rsvpClosesAt", l["RSVP must close after it opens."]);
        }
        if (closes is { } c2 && end is { } e3 && c2 > e3)
        {
            errors.Add("rsvpClosesAt", l["RSVP cannot close after the session has ended."]);
        }
        if (opens is { } o2 && start is { } s2 && o2 >= s2)
        {
            errors.Add("rsvpOpensAt", l["RSVP must open before the session starts."]);
        }

        if (!errors.IsEmpty)
        {
            return OperationResult<SessionFields>.Invalid(errors);
        }
        return OperationResult<SessionFields>.Ok(new SessionFields(
            title, input.Description?.Trim() ?? "", start!.Value, end!.Value, format,
            venueName, venueAddress, onlineUrl, input.Capacity!.Value, languages, opens, closes));
    }

    private static DateTime? Instant(string? text, string field, bool required, TimeZoneInfo zone, DateTime nowUtc, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        if (!errors.CheckLine(field, text, l))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, l["Enter a date and time."]);
            }
            return null;
        }
        if (LocalTime.TryParse(text, zone, out var utc, out var error))
        {
            if (InstantBounds.Contains(utc, nowUtc))
            {
                return utc;
            }
            error = "range";
        }
        if (error == "range")
        {
            errors.Add(field, l["Choose a date between {0:yyyy-MM-dd} and {1:yyyy-MM-dd}.", InstantBounds.Earliest, InstantBounds.Latest(nowUtc)]);
            return null;
        }
        errors.Add(field, error == "skipped"
            ? l["{0} does not exist in {1}: the clocks skip it for daylight saving time.", text, zone.Id]
            : l["'{0}' is not a date-time; use e.g. 2026-12-16T19:30 (local) or 2026-12-16T19:30+09:00.", text]);
        return null;
    }

    private static bool IsHttpsUrl(string value)
        => value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
