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
        ImportFields.Attended => l["Attended"],
        _ => field,
    };

    public static string Help(IStringLocalizer<Strings> l, string field) => field switch
    {
        ImportFields.SessionStart => l["Date and time, e.g. 2018-09-02 14:00 (the event's time zone) or with an offset"],
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
}
