namespace Meetup.Web.Features.Auth;

internal static class AuthRegistration
{
    /// <summary>Organizer accounts (sign-in itself is set up with authentication, in Hosting).</summary>
    public static IServiceCollection AddOrganizerAccounts(this IServiceCollection services)
    {
        services.AddScoped<OrganizerAccounts>();
        return services;
    }
}
