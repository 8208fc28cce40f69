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

    public static bool In(string? body) => body?.Contains(Placeholder, StringComparison.Ordinal) == true;

    public static string? Fill(string? body, string token) => body?.Replace(Placeholder, token, StringComparison.Ordinal);
}
