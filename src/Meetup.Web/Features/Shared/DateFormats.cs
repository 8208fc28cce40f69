using System.Globalization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// How each language writes a day and a time (docs/i18n.md): "Wed 6 Jan 2027, 19:00", "2027年1月6日(水) 19:00",
/// "2027年1月6日 周三 19:00". The current culture picks the pattern and supplies the day names.
/// </summary>
public static class DateFormats
{
    private sealed record Patterns(string DayAndTime, string Day, string Date, string Month);

    private static readonly Patterns English = new("ddd d MMM yyyy, HH:mm", "ddd d MMM yyyy", "d MMM yyyy", "MMMM yyyy");

    private static readonly Dictionary<string, Patterns> ByLanguage = new()
    {
        ["en"] = English,
        ["ja"] = new("yyyy年M月d日(ddd) HH:mm", "yyyy年M月d日(ddd)", "yyyy年M月d日", "yyyy年M月"),
        ["zh"] = new("yyyy年M月d日 ddd HH:mm", "yyyy年M月d日 ddd", "yyyy年M月d日", "yyyy年M月"),
    };

    private static Patterns Current => ByLanguage.GetValueOrDefault(AppLanguages.CodeOf(CultureInfo.CurrentCulture), English);

    /// <summary>Day, date and clock time: "Wed 6 Jan 2027, 19:00".</summary>
    public static string DayAndTime(DateTime local) => local.ToString(Current.DayAndTime, CultureInfo.CurrentCulture);

    /// <summary>Day and date: "Wed 6 Jan 2027".</summary>
    public static string Day(DateTime local) => local.ToString(Current.Day, CultureInfo.CurrentCulture);

    /// <summary>The date alone: "6 Jan 2027".</summary>
    public static string Date(DateTime local) => local.ToString(Current.Date, CultureInfo.CurrentCulture);

    /// <summary>A month: "January 2027", "2027年1月".</summary>
    public static string Month(DateTime local) => local.ToString(Current.Month, CultureInfo.CurrentCulture);

    /// <summary>The clock time, 24-hour in every language: "19:00".</summary>
    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);
}
