namespace Meetup.Web.Features.Import;

/// <summary>
/// What the values of one enumerated column mean when another tool wrote them (connpass's 補欠,
/// Luma's <c>approved</c>, …): source value → canonical value. Values it does not list pass through
/// unchanged, so canonical values still read and anything else is still reported with its line.
/// Plain data, like <see cref="ColumnMapping"/>; <see cref="ColumnMapping"/> checks the targets.
/// </summary>
public sealed class ValueMapping
{
    private readonly Dictionary<string, string> _meanings;

    /// <param name="meanings">Source value (compared as <see cref="ImportValues.KeyOf"/>; "" is the empty cell) → canonical value.</param>
    /// <param name="filledMeansYes">For <c>attended</c>: any text (a check-in time, say) means yes and an empty cell no; <paramref name="meanings"/> is then unused.</param>
    public ValueMapping(IReadOnlyDictionary<string, string> meanings, bool filledMeansYes = false)
    {
        ArgumentNullException.ThrowIfNull(meanings);
        _meanings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, meaning) in meanings)
        {
            _meanings[ImportValues.KeyOf(value)] = ImportValues.KeyOf(meaning);
        }
        FilledMeansYes = filledMeansYes;
    }

    /// <summary>Attended when the cell holds anything (Luma's <c>checked_in_at</c>), not when it is empty.</summary>
    public static ValueMapping FilledMeansAttended { get; } = new(new Dictionary<string, string>(), filledMeansYes: true);

    /// <summary>Source value key → canonical value.</summary>
    public IReadOnlyDictionary<string, string> Meanings => _meanings;

    /// <summary>See the constructor's <c>filledMeansYes</c>.</summary>
    public bool FilledMeansYes { get; }

    /// <summary>The canonical value for a trimmed cell, or the cell itself when the mapping does not say.</summary>
    public string Translate(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (FilledMeansYes)
        {
            return cell.Length == 0 ? "no" : "yes";
        }
        return _meanings.Count > 0 && _meanings.TryGetValue(ImportValues.KeyOf(cell), out var meaning) ? meaning : cell;
    }
}
