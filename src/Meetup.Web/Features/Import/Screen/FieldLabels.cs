using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>The canonical fields as the mapping screen names and explains them.</summary>
public static class FieldLabels
{
    public static string Name(IStringLocalizer<Strings> l, string field) => field switch
    {
        ImportFields.SessionStart => l["Session start"],
        ImportFields.SessionTitle => l["Session title"],
        ImportFields.SessionFormat => l["Format"],
        ImportFields.SessionLanguages => l["Languages"],
        ImportFields.SessionStatus => l["Session status"],
        ImportFields.Email => l["Email"],
        ImportFields.Name => l["Name"],
        ImportFields.Rsvp => l["RSVP"],
        ImportFields.Attended => l["Attendance"],
        _ => field,
    };

    public static string Help(IStringLocalizer<Strings> l, string field) => field switch
    {
        ImportFields.SessionStart => l["Date and time, e.g. 2018-09-02 14:00 or 2018年9月2日 14時00分 (the event's time zone), or with an offset"],
        ImportFields.SessionTitle => l["Optional, but sessions without a title are hard to tell apart"],
        ImportFields.SessionFormat => l["in_person, online or hybrid"],
        ImportFields.SessionLanguages => l["Codes separated by spaces, e.g. ja zh"],
        ImportFields.SessionStatus => l["held or cancelled"],
        ImportFields.Email => l["Tells people apart; the same address in full-width counts once"],
        ImportFields.Name => l["Shown in the lists"],
        ImportFields.Rsvp => l["confirmed, waitlisted, cancelled or none"],
        ImportFields.Attended => l["yes or no (true/false and 1/0 work too)"],
        _ => "",
    };

    /// <summary>A canonical value of an enumerated field (<see cref="ImportValues.Choices"/>) as the value step offers it.</summary>
    public static string Value(IStringLocalizer<Strings> l, string field, string value) => (field, value) switch
    {
        (ImportFields.Attended, "yes") => l["attended"],
        (ImportFields.Attended, "no") => l["did not attend"],
        (ImportFields.Rsvp, "confirmed") => l["confirmed"],
        (ImportFields.Rsvp, "waitlisted") => l["waitlisted"],
        (ImportFields.Rsvp, "cancelled") => l["RSVP cancelled"],
        (ImportFields.Rsvp, "none") => l["no RSVP"],
        (ImportFields.SessionStatus, "held") => l["held"],
        (ImportFields.SessionStatus, "cancelled") => l["session cancelled"],
        (ImportFields.SessionFormat, "in_person") => l["In person"],
        (ImportFields.SessionFormat, "online") => l["Online"],
        (ImportFields.SessionFormat, "hybrid") => l["Hybrid"],
        _ => value,
    };
}
