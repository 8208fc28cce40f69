namespace Meetup.Web.Features.Auth;

/// <summary>Where a sign-in may send the browser afterwards.</summary>
internal static class ReturnUrls
{
    /// <summary>
    /// Whether a supplied return URL is a path on this site, safe to redirect to: no open redirect (<c>//host</c>,
    /// <c>/\host</c>) and only printable ASCII, as a Location header needs (a tab or line break there is a 500, and
    /// browsers drop tabs, turning <c>/\t/host</c> into <c>//host</c>). Paths with other characters come percent-encoded.
    /// </summary>
    public static bool IsLocalUrl(string? url)
        => !string.IsNullOrEmpty(url) && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && url.All(c => char.IsAscii(c) && !char.IsControl(c));
}
