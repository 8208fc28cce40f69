using Meetup.Web.Resources;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>
/// Steps 1 and 2 of the import screen: the file and its encoding, which column holds each field,
/// what the values mean and what the file does not say. Every change raises <see cref="Invalidated"/>
/// (the check and preview no longer hold); <paramref name="changed"/> asks the page to render while
/// a long count runs.
/// </summary>
public sealed class ImportDraft(SavedMappings savedMappings, IStringLocalizer<Strings> l, ILogger logger, Action changed, CancellationToken ct)
{
    private readonly ValueStep _values = new();

    public UploadedFile? File { get; private set; }
    public string? FileError { get; private set; }
    public CsvSample Sample { get; private set; } = CsvSample.Empty;
    public Dictionary<string, string?> Mapping { get; private set; } = [];
    public MissingColumns Missing { get; private set; } = new();
    public IReadOnlyList<MissingProblem> MissingProblems { get; private set; } = [];
    public IReadOnlyList<ValueChoices> Values => _values.Fields;
    public bool CountingValues { get; private set; }
    public bool FromSaved { get; private set; }

    /// <summary>The event's zone, for start suggestions and the mapping.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Raised on any change of file or mapping.</summary>
    public event Action? Invalidated;

    public async Task UploadAsync(IBrowserFile? file, int eventId)
    {
        File = null;
        if (file is null)
        {
            return;
        }
        if (file.Size > UploadedFile.MaxBytes)
        {
            FileError = l["The file is {0}; the limit is {1} MB. Split it into several files (by year, say) and import them one after the other.", FileStep.FileSize(file.Size), UploadedFile.MaxBytes / 1024 / 1024];
            return;
        }
        try
        {
            await LoadAsync(await UploadedFile.ReadAsync(file, ct));
        }
        catch (IOException e)
        {
            logger.LogInformation(e, "Upload of {File} for event {EventId} failed", file.Name, eventId);
            FileError = l["The file could not be read. Try again, or check that it is not larger than {0} MB.", UploadedFile.MaxBytes / 1024 / 1024];
        }
    }

    public Task ReadAsAsync(string encodingId) => File is null ? Task.CompletedTask : LoadAsync(File.ReadAs(encodingId));

    /// <summary>A new file, or the same bytes in another encoding: everything after it starts again.</summary>
    private async Task LoadAsync(UploadedFile file)
    {
        Invalidated?.Invoke();
        _values.Clear();
        MissingProblems = [];
        FileError = null;
        Sample = CsvSample.Empty;
        File = file;
        if (file.IsUnreadableWorkbook)
        {
            FileError = l["The workbook could not be read. Save it again in Excel as an .xlsx workbook (or as CSV) and try again."];
            return;
        }
        if (file.FirstUnreadableLine() is { } line)
        {
            FileError = l["Line {0} is not {1} text. Choose the encoding the file was saved in.", line, EncodingLabels.Name(l, file.EncodingId)];
            return;
        }
        using (var text = file.OpenText())
        {
            Sample = CsvSample.Read(text, 20);
        }
        if (Sample.Headers.Count == 0)
        {
            FileError = l["No column names found: the file is empty or not CSV."];
            return;
        }
        var found = await savedMappings.FindAsync(Sample.Headers);
        FromSaved = found is not null;
        Missing = MissingColumns.Guess(Sample.Headers, found);
        await SetMappingAsync(found ?? ColumnMapping.Guess(Sample.Headers), found);
        await SuggestStartAsync();
    }

    /// <summary>A file that names no session but says when people checked in: its date and time are suggested from those.</summary>
    private async Task SuggestStartAsync()
    {
        if (File is not { } file || !MissingColumns.NeedsStart(Mapping) || Missing.CheckInColumn is not { } column)
        {
            return;
        }
        var zone = TimeZone;
        var suggestion = await Task.Run(() =>
        {
            using var text = file.OpenText();
            return CheckInTimes.Suggest(text, column, zone);
        }, ct);
        Missing.SuggestStart(suggestion);
    }

    public async Task UseGuessesAsync()
    {
        FromSaved = false;
        Invalidated?.Invoke();
        Missing = MissingColumns.Guess(Sample.Headers, saved: null);
        MissingProblems = [];
        await SetMappingAsync(ColumnMapping.Guess(Sample.Headers), saved: null);
        await SuggestStartAsync();
    }

    /// <summary>Columns first, then what the values of the enumerated ones mean (as saved, else guessed).</summary>
    private async Task SetMappingAsync(ColumnMapping mapping, ColumnMapping? saved)
    {
        Mapping = ImportFields.All.ToDictionary(f => f, f => mapping.SourceOf(f));
        await RefreshValuesAsync(ImportValues.Enumerated, saved);
    }

    public async Task ChangeMappingAsync((string Field, string? Column) change)
    {
        Mapping[change.Field] = change.Column;
        Invalidated?.Invoke();
        await RefreshValuesAsync([change.Field], saved: null);
    }

    private async Task RefreshValuesAsync(IEnumerable<string> fields, ColumnMapping? saved)
    {
        if (File is null)
        {
            return;
        }
        // A 20 MB file takes a second: say so, and keep "Check" from reading half-updated meanings.
        CountingValues = true;
        changed();
        try
        {
            await _values.RefreshAsync(File, Mapping, fields, saved, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The organizer left the page.
        }
        finally
        {
            CountingValues = false;
        }
    }

    public ColumnMapping CurrentMapping() => Missing.ToMapping(Mapping, _values.ToMappings(), TimeZone);

    public void ChangeMissing()
    {
        Invalidated?.Invoke();
        // Marked problems clear as they are answered; new ones wait for the next "Check".
        MissingProblems = [.. MissingProblems.Intersect(Missing.Problems(Mapping, TimeZone))];
    }

    /// <summary>Marks what the file does not say and nobody answered yet; true when nothing is missing.</summary>
    public bool CheckMissing()
    {
        MissingProblems = Missing.Problems(Mapping, TimeZone);
        return MissingProblems.Count == 0;
    }

    /// <summary>The values step's "changed" without a new count: the check no longer holds.</summary>
    public void ChangeValues() => Invalidated?.Invoke();
}
