using System.Text;
using System.Text.RegularExpressions;

namespace Meetup.Web.Features.Feedback.Organizer;

/// <summary>
/// Topics as people type them ("Helm", " helm", "Ｈｅｌｍ") counted as one: width folded (NFKC), spaces collapsed,
/// case ignored; shown as most recently spelled.
/// </summary>
public static partial class TopicFolding
{
    /// <summary>The topic as shown: width folded, trimmed, runs of spaces as one.</summary>
    public static string Tidy(string topic) => Spaces().Replace(topic.Normalize(NormalizationForm.FormKC), " ").Trim();

    /// <summary>What two spellings of one topic share.</summary>
    public static string Key(string topic) => Tidy(topic).ToLowerInvariant();

    /// <summary>
    /// One per topic, <paramref name="asked"/> newest first (the first spelling met is shown); ordered by the newest
    /// rank asking for it (lower first), then the most asked, then by text.
    /// </summary>
    public static IReadOnlyList<TopicSuggestion> Fold(IEnumerable<(string Topic, int Rank)> asked)
        => [.. asked
            .Select(a => (Text: Tidy(a.Topic), a.Rank))
            .Where(a => a.Text.Length > 0)
            .GroupBy(a => a.Text.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Suggestion: new TopicSuggestion(g.First().Text, g.Count()), Newest: g.Min(a => a.Rank)))
            .OrderBy(t => t.Newest).ThenByDescending(t => t.Suggestion.Count).ThenBy(t => t.Suggestion.Topic, StringComparer.Ordinal)
            .Select(t => t.Suggestion)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
