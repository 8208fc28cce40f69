namespace Meetup.Web.Features.Sessions;

internal static class SessionsRegistration
{
    /// <summary>Sessions: editing, publishing and scheduling.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionService>();
        services.AddScoped<SessionScheduling>();
        return services;
    }
}
