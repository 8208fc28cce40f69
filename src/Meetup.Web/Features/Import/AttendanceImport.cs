using Meetup.Data;
using Meetup.Data.Errors;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import;

/// <summary>
/// An import from start to end: read the file in the event's time zone, refuse it whole when any
/// row is bad, else write it (<see cref="HistoryWriter"/>). The import screen can call the parser
/// and the writer separately to show a preview in between.
/// </summary>
public sealed class AttendanceImport(IDbContextFactory<MeetupDb> dbFactory, HistoryWriter writer, ILogger<AttendanceImport> logger)
{
    public async Task<ImportOutcome> ImportAsync(
        int eventId, TextReader csv, ColumnMapping mapping, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(mapping);
        if (await EventTimeZoneAsync(eventId, ct) is not { } timeZone)
        {
            return new ImportOutcome(ImportStatus.EventNotFound);
        }

        var parsed = ImportParser.Parse(csv, mapping, timeZone);
        if (!parsed.IsValid)
        {
            return new ImportOutcome(ImportStatus.Invalid, Errors: parsed.Errors, ErrorCount: parsed.ErrorCount);
        }

        try
        {
            var result = await writer.WriteAsync(eventId, parsed.Rows, progress, ct);
            return result is null ? new ImportOutcome(ImportStatus.EventNotFound) : new ImportOutcome(ImportStatus.Imported, result);
        }
        catch (Exception e) when (IsCollision(e))
        {
            logger.LogWarning(e, "Import into event {EventId} collided with a concurrent change; nothing was written", eventId);
            return new ImportOutcome(ImportStatus.Conflict);
        }
    }

    /// <summary>
    /// The API's import of a file as it downloads (<see cref="ImportSources"/>): read in its encoding or
    /// as a workbook, mapped as the import screen would guess it (<see cref="SourceMapping"/>), then imported.
    /// </summary>
    public async Task<ImportOutcome> ImportFileAsync(
        int eventId, UploadedFile file, string source, string? sessionStart, string? sessionTitle, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await EventTimeZoneAsync(eventId, ct) is not { } timeZone)
        {
            return new ImportOutcome(ImportStatus.EventNotFound);
        }
        if (SourceMapping.Unreadable(file) is { } unreadable)
        {
            return new ImportOutcome(ImportStatus.Invalid, Errors: [unreadable], ErrorCount: 1);
        }
        var (mapping, errors) = SourceMapping.Build(source, file, timeZone, sessionStart, sessionTitle);
        if (mapping is null)
        {
            return new ImportOutcome(ImportStatus.Invalid, Errors: errors, ErrorCount: errors.Count);
        }
        using var text = file.OpenText();
        return await ImportAsync(eventId, text, mapping, ct: ct);
    }

    /// <summary>A unique or foreign key violation: someone added the same person (or removed a session) meanwhile.</summary>
    private static bool IsCollision(Exception e) => DbErrors.IsCollision(e);

    /// <summary>The event's time zone, in which the file's local date-times are read; null when there is no such event.</summary>
    public async Task<TimeZoneInfo?> EventTimeZoneAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.TimeZone).FirstOrDefaultAsync(ct);
        return id is null ? null : TimeZones.Find(id);
    }
}
