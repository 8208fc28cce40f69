using System.ComponentModel.DataAnnotations;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Auth;

/// <summary>The form of a new organizer-side account (first-run setup and the Accounts page).</summary>
public sealed class NewAccountInput
{
    [Required(ErrorMessage = "Enter a name.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    [SingleLine]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Mailbox(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    public string Role { get; set; } = Data.Entities.Roles.Organizer;
}
