using Meetup.Data.Entities;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Announcements.Organizer;

/// <summary>The four audiences as the page names and explains them (the API's names in the query string).</summary>
public static class AnnounceAudiences
{
    public const string Followers = "followers";
    public const string PastAttendees = "past_attendees";
    public const string Regulars = "regulars";
    public const string AtRisk = "at_risk";

    public static readonly IReadOnlyList<string> All = [Followers, PastAttendees, Regulars, AtRisk];

    /// <summary>The audience named in the query, or all followers for anything else.</summary>
    public static string FromQuery(string? value) => All.FirstOrDefault(a => a == value) ?? Followers;

    public static AnnouncementAudience Parse(string value)
        => AnnouncementAudiences.TryParse(value, out var audience) ? audience : AnnouncementAudience.Followers;

    /// <summary>The short name.</summary>
    public static string Label(IStringLocalizer<Strings> L, string audience) => audience switch
    {
        PastAttendees => L["Followers who came before"],
        Regulars => L["Regular followers"],
        AtRisk => L["At-risk regulars"],
        _ => L["All followers"],
    };

    /// <summary>What it means, in the words of the retention dashboard.</summary>
    public static string Explanation(IStringLocalizer<Strings> L, string audience) => audience switch
    {
        PastAttendees => L["Followers who came to at least one session."],
        Regulars => L["Followers who are regulars on the dashboard: they come to most sessions."],
        AtRisk => L["Regulars who follow the group and have missed the latest sessions in a row (the dashboard's at-risk list)."],
        _ => L["Everyone who follows this group and confirmed it."],
    };
}
