using Meetup.Data.Entities;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Shared;

/// <summary>Human names of domain values, through the UI's localizer.</summary>
public static class Labels
{
    public static string Format(IStringLocalizer<Strings> l, SessionFormat format) => format switch
    {
        SessionFormat.InPerson => l["In person"],
        SessionFormat.Online => l["Online"],
        SessionFormat.Hybrid => l["Hybrid"],
        _ => format.ToString(),
    };

    public static string Kind(IStringLocalizer<Strings> l, AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Talk => l["Talk"],
        AgendaItemKind.Review => l["Review"],
        AgendaItemKind.Break => l["Break"],
        AgendaItemKind.Qa => l["Q&A"],
        AgendaItemKind.Lightning => l["Lightning talk"],
        _ => kind.ToString(),
    };

    /// <summary>A language's name in the reader's language, never its code (<see cref="LanguageNames"/>).</summary>
    public static string Language(IStringLocalizer<Strings> l, string code) => LanguageNames.Of(l, code);

    /// <summary>A session's title, or "Untitled session" for one imported without a title (a link always has text).</summary>
    public static string Title(IStringLocalizer<Strings> l, string? title)
        => string.IsNullOrWhiteSpace(title) ? l["Untitled session"] : title;

    /// <summary>"Wed 16 Dec 2026, 19:30" in the event's zone, in the reader's language (<see cref="DateFormats"/>).</summary>
    public static string When(DateTime utc, string timeZone) => DateFormats.DayAndTime(TimeZones.ToLocal(utc, timeZone));

    /// <summary>"16 Dec 2026" in the event's zone, in the reader's language.</summary>
    public static string Date(DateTime utc, string timeZone) => DateFormats.Date(TimeZones.ToLocal(utc, timeZone));
}
