namespace Meetup.Web.Features.Import.Screen;

/// <summary>
/// Step 3 of the import screen: checking the file against its mapping (errors, or the preview of
/// what it will create) and importing it. <paramref name="changed"/> asks the page to render while
/// it works.
/// </summary>
public sealed class ImportRun(
    ImportPreviewService previews, AttendanceImport import, SavedMappings saved, Action changed, CancellationToken ct)
{
    public bool Checking { get; private set; }
    public IReadOnlyList<ImportError>? Errors { get; private set; }
    public int ErrorCount { get; private set; }
    public ImportPreview? Preview { get; private set; }
    public bool Importing { get; private set; }
    public double Progress { get; private set; }
    public ImportOutcome? Outcome { get; private set; }

    /// <summary>Any change of file or mapping invalidates the check and the preview.</summary>
    public void Reset()
    {
        Errors = null;
        Preview = null;
        Outcome = null;
        Progress = 0;
    }

    public async Task CheckAsync(int eventId, UploadedFile file, ColumnMapping mapping, TimeZoneInfo zone)
    {
        Checking = true;
        changed();
        try
        {
            // Off the circuit's thread: a 20 MB file takes a moment, and the page should say so meanwhile.
            var parsed = await Task.Run(() =>
            {
                using var text = file.OpenText();
                return ImportParser.Parse(text, mapping, zone);
            }, ct);
            if (parsed.IsValid)
            {
                Preview = await previews.PreviewAsync(eventId, parsed.Rows, ct);
            }
            else
            {
                Errors = parsed.Errors;
                ErrorCount = parsed.ErrorCount;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The organizer left the page.
        }
        finally
        {
            Checking = false;
        }
    }

    /// <summary>Imports the checked file; true when it was imported (and its mapping saved for next time).</summary>
    public async Task<bool> ImportAsync(int eventId, UploadedFile file, ColumnMapping mapping, IReadOnlyList<string> headers)
    {
        if (Preview is null)
        {
            return false;
        }
        Importing = true;
        Progress = 0;
        changed();
        try
        {
            // Created here, so that reports come back on the circuit's context.
            var progress = new Progress<double>(p =>
            {
                Progress = p;
                if (!ct.IsCancellationRequested)
                {
                    changed();
                }
            });
            // Not cancelled when the organizer leaves the page: a started import finishes (it is one transaction either way).
            Outcome = await Task.Run(async () =>
            {
                using var text = file.OpenText();
                return await import.ImportAsync(eventId, text, mapping, progress, CancellationToken.None);
            }, CancellationToken.None);
            if (Outcome.Status == ImportStatus.Imported && !ct.IsCancellationRequested)
            {
                await saved.SaveAsync(headers, mapping);
                return true;
            }
            return false;
        }
        finally
        {
            Importing = false;
        }
    }
}
