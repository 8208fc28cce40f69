using System.Globalization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// Punctuation that is part of the reader's language, not of a text (docs/i18n.md): lists are "A, B" in English and
/// "A、B" in Japanese and Chinese; a label before its value ends in ": " or a full-width "：", and an aside is in
/// "( )" or full-width "（ ）". Follows <see cref="CultureInfo.CurrentUICulture"/> like the resources do.
/// </summary>
public static class Punctuation
{
    public static string List(IEnumerable<string> items) => string.Join(IsCjk ? "、" : ", ", items);

    public static string Label(string label, string value) => IsCjk ? $"{label}：{value}" : $"{label}: {value}";

    /// <summary>An aside written right after a text: " (Asia/Tokyo)" or "（Asia/Tokyo）" (no space before full-width).</summary>
    public static string Aside(string text) => IsCjk ? $"（{text}）" : $" ({text})";

    /// <summary>The comma after a day before its time ("Wed 16 Dec 2026, 19:30"); Japanese and Chinese use none.</summary>
    public static string DayComma => IsCjk ? "" : ",";

    private static bool IsCjk => AppLanguages.CodeOf(CultureInfo.CurrentUICulture) is "ja" or "zh";
}
