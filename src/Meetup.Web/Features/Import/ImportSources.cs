namespace Meetup.Web.Features.Import;

/// <summary>
/// The platforms whose exports the import reads as they download (the API's <c>?source=</c>), and
/// how to tell them from their header row. Each platform's layout is described in docs/import-format.md.
/// </summary>
public static class ImportSources
{
    public const string Canonical = "canonical";
    public const string Connpass = "connpass";
    public const string Luma = "luma";
    public const string Meetup = "meetup";
    public const string Doorkeeper = "doorkeeper";

    public static IReadOnlyList<string> All { get; } = [Canonical, Connpass, Luma, Meetup, Doorkeeper];

    // Header keys (ColumnMapping.Key) only that platform's export has.
    private static readonly string[] ConnpassHeaders = ["参加枠名", "利用id", "利用した決済方法", "受付番号"];
    private static readonly string[] MeetupHeaders = ["rsvpedon", "joinedgroupon", "urlofmemberprofile", "eventhost"];
    private static readonly string[] LumaHeaders = ["apiid", "approvalstatus", "checkedinat"];

    /// <summary>The platform a header row comes from, or null when it looks like none of them.</summary>
    public static string? Detect(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keys = headers.Select(ColumnMapping.Key).ToHashSet(StringComparer.Ordinal);
        if (ConnpassHeaders.Any(keys.Contains))
        {
            return Connpass;
        }
        if (keys.Contains("userid") && MeetupHeaders.Count(keys.Contains) >= 2)
        {
            return Meetup;
        }
        if (LumaHeaders.Count(keys.Contains) >= 2)
        {
            return Luma;
        }
        return null;
    }

    /// <summary>The site whose accounts name people in that platform's export (no e-mail there), or null when it gives e-mails.</summary>
    public static string? AccountSite(string? source) => source switch
    {
        Connpass => "connpass",
        Meetup => "meetup",
        _ => null,
    };
}
