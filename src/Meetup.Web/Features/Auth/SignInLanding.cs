using Meetup.Data.Entities;

namespace Meetup.Web.Features.Auth;

/// <summary>
/// Where a sign-in leads. Door helpers reach only the check-in pages, so for them the back office's front door
/// (<c>/admin</c>, or any other organizer page) becomes the list of sessions to check people in to, instead of
/// "Not for your role".
/// </summary>
public static class SignInLanding
{
    public const string BackOffice = "/admin";
    public const string Door = "/admin/checkin";

    public static string For(string? returnUrl, IEnumerable<string> roles)
    {
        var target = ReturnUrls.IsLocalUrl(returnUrl) ? returnUrl! : BackOffice;
        var organizer = roles.Any(r => r is Roles.Admin or Roles.Organizer);
        return organizer || !IsAdminPage(target) || IsDoorPage(target) ? target : Door;
    }

    private static bool IsAdminPage(string url) => PathOf(url) is var p && (p == BackOffice || p.StartsWith(BackOffice + "/", StringComparison.OrdinalIgnoreCase));

    // /admin/checkin and /admin/sessions/{id}/checkin
    private static bool IsDoorPage(string url)
    {
        var path = PathOf(url);
        if (path.Equals(Door, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["admin", "sessions", var id, "checkin"] && int.TryParse(id, out _);
    }

    private static string PathOf(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return (end < 0 ? url : url[..end]).TrimEnd('/') is { Length: > 0 } p ? p : "/";
    }
}
