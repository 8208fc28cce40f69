namespace Meetup.Web.Features.Notifications;

/// <summary>
/// Where a rendered email's manage token goes (in a thank-you, its survey token: <c>FeedbackLinks</c>). The outbox stores the rendered message (retries send the same one)
/// with this placeholder, and the token only encrypted (<see cref="Outbox.Protect"/>); the sender fills it in the
/// message it hands to SMTP and forgets the secret once sent. So no plain token, nor a link holding one, is ever
/// written to the database. Only URL-safe characters, so HTML encoding leaves it as it is.
/// </summary>
public static class ManageLinkSlot
{
    public const string Placeholder = "__manage_token__";

    /// <summary>Where an RSVP's status email puts the follow confirmation token ("Tell me about new sessions").</summary>
    public const string FollowPlaceholder = "__follow_token__";

    public static bool In(string? body) => body?.Contains(Placeholder, StringComparison.Ordinal) == true;

    /// <summary>The secret of an email with both links: the manage token, a space, the follow token (tokens have no spaces).</summary>
    public static string Pair(string manageToken, string followToken) => manageToken + " " + followToken;

    /// <summary>The body with the secret's token (or, for a <see cref="Pair"/>, both tokens) filled in.</summary>
    public static string? Fill(string? body, string secret)
    {
        var space = secret.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? body?.Replace(Placeholder, secret, StringComparison.Ordinal)
            : body?.Replace(Placeholder, secret[..space], StringComparison.Ordinal).Replace(FollowPlaceholder, secret[(space + 1)..], StringComparison.Ordinal);
    }
}
