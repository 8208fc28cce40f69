using Meetup.Data.Entities;

namespace Meetup.Web.Features.Import;

/// <summary>
/// One valid row of an attendance history file: one person at one session. Session fields are
/// null when the file leaves them empty (new sessions then take the defaults, existing ones keep
/// their values).
/// </summary>
/// <param name="Line">The line of the input where the row starts (the header is line 1).</param>
/// <param name="SessionStart">UTC.</param>
/// <param name="Email">Normalized (see <see cref="EmailAddress.Normalize"/>).</param>
public sealed record ImportRow(
    int Line,
    DateTime SessionStart,
    string? SessionTitle,
    SessionFormat? SessionFormat,
    IReadOnlyList<string>? SessionLanguages,
    SessionStatus? SessionStatus,
    string Email,
    string? Name,
    ImportRsvp Rsvp,
    bool Attended);

/// <summary>The <c>rsvp</c> column: an RSVP with its status, or none.</summary>
public enum ImportRsvp { None, Confirmed, Waitlisted, Cancelled }

/// <summary>A problem with the input: its line (the header is line 1), the source column (null when the whole row or file is at fault) and why.</summary>
public sealed record ImportError(int Line, string? Column, string Message);

/// <summary>What a file parses to: its header names, the valid rows, and every problem found.</summary>
public sealed record ImportParseResult(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
