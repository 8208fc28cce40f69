namespace Meetup.Web.Features.Import;

/// <summary>What an import wrote (docs/api.md). All zero when the same file is imported again.</summary>
public sealed record ImportResult(int SessionsCreated, int SessionsUpdated, int AttendeesCreated, int RsvpsWritten, int CheckInsWritten);

public enum ImportStatus { Imported, EventNotFound, Invalid, Conflict }

/// <summary>The outcome of <see cref="AttendanceImport.ImportAsync"/>: the counts, or why nothing was written.</summary>
/// <param name="Errors">The first <see cref="ImportErrors.Cap"/> problems of an invalid file.</param>
/// <param name="ErrorCount">How many problems it has in all.</param>
public sealed record ImportOutcome(ImportStatus Status, ImportResult? Result = null, IReadOnlyList<ImportError>? Errors = null, int ErrorCount = 0);
