using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Meetup.Testing;
using Meetup.Web.Resources;

namespace Meetup.Tests.Features.Languages;

/// <summary>
/// Every text the code sends through the localizer (keyed by its English text) has a Japanese and a Chinese
/// translation in the compiled resources, with the same placeholders, and no translation is left over
/// (docs/i18n.md).
/// </summary>
public sealed partial class TranslationTests
{
    /// <summary>Texts that read the same in every language (a placeholder alone, a name, a unit).</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal)
    {
        "Meetup", "CSV", "QR", "URL", "API", "ID", "iCal", "Markdown", "{0}", "{0} / {1}", "{0} ({1})", "{0}: {1}", "{0} · {1}",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, List<string>>> UsedKeys = new(ScanSources);

    public static TheoryData<string> Cultures() => ["ja", "zh-Hans"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_text_in_the_code_has_a_translation(string culture)
    {
        var translations = Translations(culture);

        var missing = UsedKeys.Value.Where(k => string.IsNullOrWhiteSpace(translations.GetValueOrDefault(k.Key)))
            .Select(k => $"\"{k.Key}\" ({k.Value[0]})").ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} texts lack a {culture} translation:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_translation_keeps_the_placeholders_and_is_not_the_English_text(string culture)
    {
        var wrong = new List<string>();
        foreach (var (key, value) in Translations(culture))
        {
            var expected = Placeholders(key);
            var actual = Placeholders(value);
            if (!expected.SetEquals(actual))
            {
                wrong.Add($"\"{key}\" → \"{value}\": placeholders {string.Join(",", expected)} ≠ {string.Join(",", actual)}");
            }
            if (value == key && Letters().IsMatch(key) && !SameInEveryLanguage.Contains(key))
            {
                wrong.Add($"\"{key}\" is not translated");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void No_translation_is_left_over_from_text_the_code_no_longer_has(string culture)
    {
        // MudBlazor's own texts (pager, pickers) are looked up by its keys, which start with "MudBlazor.".
        var unused = Translations(culture).Keys.Where(k => !UsedKeys.Value.ContainsKey(k) && !k.StartsWith("MudBlazor.", StringComparison.Ordinal)).ToList();

        Assert.True(unused.Count == 0, $"{unused.Count} {culture} entries match no text in the code:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void No_two_texts_differ_only_in_case()
    {
        // Resource names are case-insensitive: of "Cancelled" and "cancelled" only one would keep its translation.
        var clashes = UsedKeys.Value.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(k => $"\"{k}\" ({UsedKeys.Value[k][0]})"))).ToList();

        Assert.True(clashes.Count == 0, "Texts that differ only in case (give each its own words):\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void The_scan_finds_the_texts_of_the_code()
    {
        Assert.True(UsedKeys.Value.Count > 500, $"only {UsedKeys.Value.Count} keys found");
        Assert.Contains("Organizer sign in", UsedKeys.Value.Keys);
        Assert.Contains("Enter a name.", UsedKeys.Value.Keys); // a DataAnnotations message
        Assert.Contains("{0} min", UsedKeys.Value.Keys); // from C# with arguments
        Assert.Contains("The session start is required.", UsedKeys.Value.Keys); // an import problem, translated on the screen
    }

    /// <summary>
    /// One voice and one term per language: Chinese says 你 (never the formal 您) and 发送 (not 提交) on a send button;
    /// Japanese calls a session 開催回 (never 新しい回 beside 新しい開催回); no doubled colon (「：」 after 「：」).
    /// </summary>
    [Theory]
    [InlineData("zh-Hans", "您", false)]
    [InlineData("zh-Hans", "提交", true)]
    [InlineData("ja", "新しい回", false)]
    [InlineData("ja", "：：", false)]
    [InlineData("ja", ":：", false)]
    [InlineData("ja", "：:", false)]
    public void A_language_keeps_one_voice_and_one_term(string culture, string never, bool wholeText)
    {
        var texts = Translations(culture).Where(t => wholeText ? t.Value == never : t.Value.Contains(never, StringComparison.Ordinal))
            .Select(t => $"\"{t.Key}\" → \"{t.Value}\"").ToList();

        Assert.True(texts.Count == 0, $"{texts.Count} {culture} texts say \"{never}\":\n" + string.Join("\n", texts));
    }

    private static Dictionary<string, string> Translations(string culture)
    {
        var resources = new ResourceManager(typeof(Strings).FullName!, typeof(Strings).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        Assert.NotNull(resources);
        return resources.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    /// <summary>
    /// The keys of the code: <c>L["…"]</c> in components, <c>l["…"]</c> in services, DataAnnotations messages and texts
    /// kept for translating where they are shown (<c>ImportText.Of("…")</c>).
    /// </summary>
    private static Dictionary<string, List<string>> ScanSources()
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var src = Path.Combine(RepoRoot.Path, "src", "Meetup.Web");
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in KeyUse().Matches(File.ReadAllText(file)))
            {
                var key = m.Groups["verbatim"].Success ? m.Groups["verbatim"].Value.Replace("\"\"", "\"") : Regex.Unescape(m.Groups["regular"].Value);
                if (!keys.TryGetValue(key, out var files))
                {
                    keys[key] = files = [];
                }
                files.Add(Path.GetRelativePath(RepoRoot.Path, file));
            }
        }
        return keys;
    }

    [GeneratedRegex(@"(?:\b[Ll]\[|ErrorMessage\s*=\s*|\bImportText\.Of\()(?:@""(?<verbatim>(?:[^""]|"""")*)""|""(?<regular>(?:[^""\\]|\\.)*)"")")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}
