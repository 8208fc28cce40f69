namespace Meetup.Web.Features.Follow;

/// <summary>The fields of the event page's follow form (names in the posted form: Follow.Email, Follow.Name).</summary>
public sealed class FollowForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by form bots.</summary>
    public string? Website { get; set; }
}
