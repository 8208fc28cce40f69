using System.Globalization;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// A session language's name in the reader's language ("ベトナム語", "越南语", "Vietnamese" for vi), never its code:
/// .NET's culture names, which ICU writes in the current UI language. Where ICU gives only English (a trimmed ICU),
/// our own words for the common codes, else the language's own name; a code no culture knows stays as written.
/// </summary>
public static class LanguageNames
{
    public static string Of(IStringLocalizer<Strings> l, string code)
    {
        var culture = Find(code);
        return Pick(l, code, culture, culture?.DisplayName);
    }

    /// <summary>The choice, given what .NET calls the language in the reader's language (<paramref name="systemName"/>).</summary>
    internal static string Pick(IStringLocalizer<Strings> l, string code, CultureInfo? culture, string? systemName)
    {
        if (culture is not null && systemName is not null && (ReaderReadsEnglish() || systemName != culture.EnglishName))
        {
            return systemName;
        }
        return OwnWord(l, code)?.Value ?? culture?.NativeName ?? code;
    }

    /// <summary>Our own words for the common codes (<see cref="LanguageCodes.Common"/>).</summary>
    private static LocalizedString? OwnWord(IStringLocalizer<Strings> l, string code) => code.Trim().ToLowerInvariant() switch
    {
        "zh" => l["Chinese"],
        "ja" => l["Japanese"],
        "en" => l["English"],
        "ko" => l["Korean"],
        "vi" => l["Vietnamese"],
        "fr" => l["French"],
        "de" => l["German"],
        "es" => l["Spanish"],
        _ => null,
    };

    private static bool ReaderReadsEnglish() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static CultureInfo? Find(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        try
        {
            return CultureInfo.GetCultureInfo(code.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
