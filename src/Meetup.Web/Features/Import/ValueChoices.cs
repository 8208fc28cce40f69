namespace Meetup.Web.Features.Import;

/// <summary>
/// The organizer's answer, in the making, to "what do the values of this column mean?" for one
/// enumerated field: the values the format does not know, each with a meaning (saved, guessed or
/// chosen; null = not chosen, so the check reports its rows), or for <c>attended</c> "filled in
/// means yes". <see cref="ToMapping"/> hands it to the parser.
/// </summary>
public sealed class ValueChoices
{
    private readonly Dictionary<string, string?> _meanings;

    private ValueChoices(string field, string column, ColumnValues counts, IReadOnlyList<ValueCount> unknown, Dictionary<string, string?> meanings, bool filledMeansYes)
    {
        Field = field;
        Column = column;
        Counts = counts;
        Unknown = unknown;
        _meanings = meanings;
        FilledMeansYes = filledMeansYes;
    }

    public string Field { get; }
    public string Column { get; }
    public ColumnValues Counts { get; }

    /// <summary>The column's values that the format does not know, most frequent first.</summary>
    public IReadOnlyList<ValueCount> Unknown { get; }

    /// <summary>Only <c>attended</c> is a yes or no that a filled-in cell can answer.</summary>
    public bool CanUseFilled => Field == ImportFields.Attended;

    /// <summary>For <c>attended</c>: any text (a check-in time) means yes, an empty cell no; the per-value meanings are set aside.</summary>
    public bool FilledMeansYes { get; set; }

    /// <summary>How many rows hold a value without a meaning: the check will report each of them.</summary>
    public int Unanswered => FilledMeansYes ? 0 : Unknown.Where(v => MeaningOf(v.Value) is null).Sum(v => v.Count);

    public string? MeaningOf(string value) => _meanings.GetValueOrDefault(ImportValues.KeyOf(value));

    /// <param name="meaning">A value of <see cref="ImportValues.Choices"/> for the field, or null for "not chosen".</param>
    public void Choose(string value, string? meaning)
    {
        if (meaning is not null && !ImportValues.Choices(Field).Contains(meaning))
        {
            throw new ArgumentException($"'{meaning}' is not a value of '{Field}'.", nameof(meaning));
        }
        _meanings[ImportValues.KeyOf(value)] = meaning;
    }

    public ValueMapping ToMapping() => FilledMeansYes
        ? ValueMapping.FilledMeansAttended
        : new ValueMapping(_meanings.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!));

    /// <summary>
    /// The choices for <paramref name="field"/> read from <paramref name="column"/>, prefilled from
    /// <paramref name="saved"/> (what the organizer chose last time), else from <see cref="ValueAliases"/>;
    /// null when every value is one the format knows, so there is nothing to choose.
    /// </summary>
    public static ValueChoices? Build(string field, string column, ColumnValues counts, ValueMapping? saved = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!ImportValues.Enumerated.Contains(field))
        {
            return null;
        }
        var unknown = counts.Distinct.Where(v => !ImportValues.Accepts(field, v.Value)).ToList();
        if (unknown.Count == 0 && !counts.TooMany)
        {
            return null;
        }

        var meanings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var value in unknown)
        {
            meanings[ImportValues.KeyOf(value.Value)] = saved?.Meanings.GetValueOrDefault(ImportValues.KeyOf(value.Value))
                ?? ValueAliases.Guess(field, value.Value);
        }
        // connpass leaves 出欠ステータス empty for whoever did not check in: beside a value that means
        // "came", an empty cell means "did not".
        if (field == ImportFields.Attended && meanings.TryGetValue("", out var empty) && empty is null && meanings.ContainsValue("yes"))
        {
            meanings[""] = "no";
        }

        var filled = field == ImportFields.Attended
            && (saved?.FilledMeansYes ?? (ValueAliases.IsTimestampHeader(column) || counts.AllTimestamps));
        return new ValueChoices(field, column, counts, unknown, meanings, filled);
    }
}
