namespace Meetup.Web.Features.CheckIns;

internal static class CheckInsRegistration
{
    /// <summary>The door: check-in, its live feed, the door list and online join.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddSingleton<CheckInFeed>();
        services.AddScoped<CheckInService>();
        services.AddScoped<DoorQueries>();
        services.AddScoped<OnlineJoinService>();
        return services;
    }
}
