namespace Meetup.Web.Features.Auth;

internal static class AuthRegistration
{
    /// <summary>Organizer accounts and the password check with its throttle (Identity and cookies are set up in Hosting).</summary>
    public static IServiceCollection AddOrganizerAccounts(this IServiceCollection services)
    {
        services.AddScoped<OrganizerAccounts>();
        services.AddOptions<SignInThrottleSettings>().BindConfiguration("SignInThrottle");
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        return services;
    }
}
