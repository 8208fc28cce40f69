using System.Text.RegularExpressions;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Shared;

/// <summary>Session and event languages: short codes such as zh, ja, en, pt-br; stored sorted and lower-case.</summary>
public static partial class LanguageCodes
{
    public static readonly IReadOnlyList<string> Common = ["zh", "ja", "en", "ko", "vi", "fr", "de", "es"];

    public static List<string> Normalize(IEnumerable<string?>? codes)
        => codes is null ? [] : [.. codes.OfType<string>().Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal)];

    public static void Check(IEnumerable<string?>? codes, string field, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        foreach (var code in codes ?? [])
        {
            if (code is null || !Pattern().IsMatch(code.Trim()))
            {
                errors.Add(field, l["'{0}' is not a language code (use e.g. zh, ja, en).", TextRules.IsSingleLine(code) ? code ?? "null" : "?"]);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?\z")]
    private static partial Regex Pattern();
}
