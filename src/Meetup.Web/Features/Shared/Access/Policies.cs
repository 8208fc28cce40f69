namespace Meetup.Web.Features.Shared.Access;

/// <summary>Names of the authorization policies; pages use roles via [Authorize(Roles = …)].</summary>
public static class Policies
{
    /// <summary>API callers with a bearer token who may plan events and see attendees.</summary>
    public const string ApiOrganizers = nameof(ApiOrganizers);

    /// <summary>API callers with a bearer token who may check people in (door helpers too).</summary>
    public const string ApiDoorStaff = nameof(ApiDoorStaff);

    /// <summary>Back-office downloads (CSV files linked from pages): organizers signed in with the cookie.</summary>
    public const string BackOfficeOrganizers = nameof(BackOfficeOrganizers);
}
