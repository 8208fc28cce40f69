using System.Globalization;
using System.Text.Json.Serialization;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Import;

/// <summary>
/// One valid row of an attendance history file: one person at one session. Session fields are
/// null when the file leaves them empty (new sessions then take the defaults, existing ones keep
/// their values).
/// </summary>
/// <param name="Line">The line of the input where the row starts (the header is line 1).</param>
/// <param name="SessionStart">UTC.</param>
/// <param name="Email">Normalized (see <see cref="EmailAddress.Normalize"/>): who the row is (an account's address when people are known by an account).</param>
/// <param name="ContactEmail">When people are known by an account: the e-mail the file also gives (normalized), kept with the person.</param>
/// <param name="CheckedInAt">UTC: when the person checked in, when the file says (connpass's 出席日時, Luma's <c>checked_in_at</c>).</param>
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
    bool Attended,
    string? ContactEmail = null,
    DateTime? CheckedInAt = null);

/// <summary>The <c>rsvp</c> column: an RSVP with its status, or none.</summary>
public enum ImportRsvp { None, Confirmed, Waitlisted, Cancelled }

/// <summary>A problem with the input: its line (the header is line 1), the source column (null when the whole row or file is at fault) and why.</summary>
public sealed record ImportError(int Line, string? Column, string Message)
{
    /// <summary>The message with its values as holes ({0}): the key the import screen translates it by. The API sends <see cref="Message"/>, English.</summary>
    [JsonIgnore]
    public string? Format { get; init; }

    /// <summary>The values of <see cref="Format"/>'s holes.</summary>
    [JsonIgnore]
    public IReadOnlyList<object> Args { get; init; } = [];

    public static ImportError Of(int line, string? column, ImportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(line, column, text.English) { Format = text.Format, Args = text.Args };
    }
}

/// <summary>A problem's text in English with its values apart (<c>'{0}' is not a valid email address.</c>), so that a page can translate it.</summary>
public sealed record ImportText(string Format, params object[] Args)
{
    public string English => string.Format(CultureInfo.InvariantCulture, Format, Args);

    /// <summary>A problem's text: <paramref name="format"/> is a resource key (docs/i18n.md), translated where it is shown.</summary>
    public static ImportText Of(string format, params object[] args) => new(format, args);
}

/// <summary>
/// What a file parses to: its header names, the valid rows (none once a problem is found: a bad
/// file is refused whole), and its problems — the first <see cref="ImportErrors.Cap"/> of them, with
/// <paramref name="ErrorCount"/> counting them all.
/// </summary>
public sealed record ImportParseResult(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public ImportParseResult(IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows, IReadOnlyList<ImportError> errors)
        : this(headers, rows, errors, errors.Count)
    {
    }

    public bool IsValid => ErrorCount == 0;
}

/// <summary>
/// The problems of one file as they are found: the first <see cref="Cap"/> kept, all counted, so
/// that a huge bad file (a million wrong lines) answers with a short list and its total instead of
/// holding millions of messages.
/// </summary>
public sealed class ImportErrors
{
    /// <summary>How many problems are listed; <see cref="Count"/> says how many there are.</summary>
    public const int Cap = 1_000;

    private readonly List<ImportError> _kept = [];

    /// <summary>Every problem found, listed or not.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<ImportError> Kept => _kept;

    public void Add(ImportError error)
    {
        Count++;
        if (_kept.Count < Cap)
        {
            _kept.Add(error);
        }
    }
}
