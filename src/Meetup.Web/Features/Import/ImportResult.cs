namespace Meetup.Web.Features.Import;

/// <summary>What an import wrote (spec/api.md). All zero when the same file is imported again.</summary>
public sealed record ImportResult(int SessionsCreated, int SessionsUpdated, int AttendeesCreated, int RsvpsWritten, int CheckInsWritten);

public enum ImportStatus { Imported, EventNotFound, Invalid, Conflict }

/// <summary>The outcome of <see cref="AttendanceImport.ImportAsync"/>: the counts, or why nothing was written.</summary>
public sealed record ImportOutcome(ImportStatus Status, ImportResult? Result = null, IReadOnlyList<ImportError>? Errors = null);
