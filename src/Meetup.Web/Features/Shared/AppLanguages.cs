using System.Globalization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// A language the app speaks: <paramref name="Code"/> is what a person's choice is stored as (RSVPs, the API),
/// <paramref name="Culture"/> the .NET culture its pages and emails are rendered in, <paramref name="NativeName"/>
/// its name as its speakers write it.
/// </summary>
public sealed record AppLanguage(string Code, string Culture, string NativeName);

/// <summary>
/// The one list of languages (docs/i18n.md): the page cultures, the language switch, the email languages of the RSVP
/// form and the manage page, the RSVP rules and the culture an email is written in all read it. Adding a language
/// is one line here plus its resource file.
/// </summary>
public static class AppLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<AppLanguage> All =
    [
        new("en", "en", "English"),
        new("ja", "ja", "日本語"),
        new("zh", "zh-Hans", "简体中文"),
    ];

    public static readonly IReadOnlyList<string> Codes = [.. All.Select(l => l.Code)];

    /// <summary>The page cultures, English first (the default).</summary>
    public static readonly IReadOnlyList<string> Cultures = [.. All.Select(l => l.Culture)];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The code when it is one of ours, else English: what the RSVP form starts with.</summary>
    public static string OrDefault(string? code) => IsKnown(code) ? code! : Default;

    /// <summary>The culture emails and pages are written in for a stored language code (unknown: English).</summary>
    public static string CultureOf(string? code) => All.FirstOrDefault(l => l.Code == code)?.Culture ?? Default;

    /// <summary>The language of a page culture: zh-Hans (and zh-CN, zh-SG under it) is "zh", ja-JP is "ja".</summary>
    public static string CodeOf(CultureInfo culture)
    {
        for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
        {
            var match = All.FirstOrDefault(l => string.Equals(l.Culture, c.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match.Code;
            }
        }

        return Default;
    }
}
