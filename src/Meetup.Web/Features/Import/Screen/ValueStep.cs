namespace Meetup.Web.Features.Import.Screen;

/// <summary>
/// The value step of the import screen for one uploaded file: the <see cref="ValueChoices"/> of each
/// enumerated field whose column holds values the format does not know. Counting reads the whole
/// file, off the circuit's thread.
/// </summary>
public sealed class ValueStep
{
    private readonly Dictionary<string, ValueChoices> _choices = new(StringComparer.Ordinal);

    /// <summary>The fields with something to choose, in the order of the format.</summary>
    public IReadOnlyList<ValueChoices> Fields => [.. ImportValues.Enumerated.Select(_choices.GetValueOrDefault).OfType<ValueChoices>()];

    /// <summary>What the parser needs: field → the meanings chosen so far.</summary>
    public IReadOnlyDictionary<string, ValueMapping> ToMappings() => _choices.ToDictionary(p => p.Key, p => p.Value.ToMapping());

    public void Clear() => _choices.Clear();

    /// <summary>Counts the columns <paramref name="fields"/> are mapped to and rebuilds their choices, prefilled from <paramref name="saved"/> where it says.</summary>
    public async Task RefreshAsync(
        UploadedFile file, IReadOnlyDictionary<string, string?> columns, IEnumerable<string> fields, ColumnMapping? saved, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(columns);
        var targets = fields.Where(ImportValues.Enumerated.Contains)
            .Select(f => (Field: f, Column: columns.GetValueOrDefault(f)))
            .ToList();
        var wanted = targets.Where(t => t.Column is not null).Select(t => t.Column!).Distinct().ToList();
        var counts = wanted.Count == 0
            ? new Dictionary<string, ColumnValues>()
            : await Task.Run(() =>
            {
                using var text = file.OpenText();
                return ColumnValues.Count(text, wanted);
            }, ct);
        foreach (var (field, column) in targets)
        {
            _choices.Remove(field);
            if (column is not null
                && ValueChoices.Build(field, column, counts.GetValueOrDefault(column) ?? ColumnValues.None, saved?.ValuesOf(field)) is { } choices)
            {
                _choices[field] = choices;
            }
        }
    }
}
