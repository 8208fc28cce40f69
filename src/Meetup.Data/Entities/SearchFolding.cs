using System.Text;

namespace Meetup.Data.Entities;

/// <summary>
/// The one rule by which people are found by what someone types (docs/i18n.md, Search): the stored side
/// (<see cref="Attendee.SearchName"/>) and the typed side are folded alike, so a plain substring test finds
/// "Taro Yamada" by "ＴＡＲＯ", "émile" by "ÉMILE" and "ガク" by "ｶﾞｸ" or "がく", the same on every provider —
/// no database has to know Unicode (SQLite's own lower() folds ASCII only).
/// </summary>
public static class SearchFolding
{
    /// <summary>
    /// NFKC (full- and half-width forms become plain ones, "ｶﾞ" becomes "ガ"), then case folded with the invariant
    /// culture (upper then lower, so "ς" and "σ", "ſ" and "s" meet too), then hiragana as katakana. Accents are kept:
    /// stripping marks would also strip Japanese voicing marks ("ガ" would find "カ"). Null stays null.
    /// </summary>
    public static string? Fold(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var folded = text.Normalize(NormalizationForm.FormKC).ToUpperInvariant().ToLowerInvariant();
        return string.Create(folded.Length, folded, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                // ぁ..ゖ and ゝゞ sit 0x60 below their katakana; the rest of the block has no katakana twin.
                span[i] = c is (>= '\u3041' and <= '\u3096') or '\u309D' or '\u309E' ? (char)(c + 0x60) : c;
            }
        });
    }
}
