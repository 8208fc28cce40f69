using Microsoft.AspNetCore.Identity;

namespace Meetup.Data.Entities;

/// <summary>An organizer-side account: Admin, Organizer or DoorHelper (see <see cref="Roles"/>).</summary>
public class OrganizerUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Organizer = nameof(Organizer);
    public const string DoorHelper = nameof(DoorHelper);

    public static readonly IReadOnlyList<string> All = [Admin, Organizer, DoorHelper];

    /// <summary>Who may plan events and see attendees.</summary>
    public const string Organizers = Admin + "," + Organizer;

    /// <summary>Who may check people in at the door.</summary>
    public const string DoorStaff = Admin + "," + Organizer + "," + DoorHelper;
}
