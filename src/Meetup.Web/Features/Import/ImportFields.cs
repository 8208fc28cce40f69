namespace Meetup.Web.Features.Import;

/// <summary>The canonical columns of the attendance history format (docs/import-format.md).</summary>
public static class ImportFields
{
    public const string SessionStart = "session_start";
    public const string SessionTitle = "session_title";
    public const string SessionFormat = "session_format";
    public const string SessionLanguages = "session_languages";
    public const string SessionStatus = "session_status";
    public const string Email = "email";
    public const string Name = "name";
    public const string Rsvp = "rsvp";
    public const string Attended = "attended";

    /// <summary>Every canonical field, in the column order of an export.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SessionStart, SessionTitle, SessionFormat, SessionLanguages, SessionStatus, Email, Name, Rsvp, Attended];

    /// <summary>The fields a file must have a column for.</summary>
    public static IReadOnlyList<string> Required { get; } = [SessionStart, Email, Attended];
}
