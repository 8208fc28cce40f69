namespace Meetup.Web.Features.Shared;

/// <summary>A language a person may get their emails in, with its name as its speakers write it.</summary>
public sealed record EmailLanguage(string Code, string NativeName);

/// <summary>
/// The languages an attendee may choose for their emails: the RSVP form and the manage page offer these, in this
/// order, and the RSVP rules accept exactly these codes. Adding a language is one line here.
/// </summary>
public static class EmailLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<EmailLanguage> All =
    [
        new("en", "English"),
        new("ja", "日本語"),
        new("zh", "中文"),
    ];

    public static readonly IReadOnlyList<string> Codes = [.. All.Select(l => l.Code)];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The page's language when it is one of ours, else English: what the RSVP form starts with.</summary>
    public static string OrDefault(string? code) => IsKnown(code) ? code! : Default;
}
