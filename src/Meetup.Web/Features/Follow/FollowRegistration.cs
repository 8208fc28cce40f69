namespace Meetup.Web.Features.Follow;

internal static class FollowRegistration
{
    /// <summary>Following a study group: the double opt-in request, its links, the organizer's followers list.</summary>
    public static IServiceCollection AddFollow(this IServiceCollection services)
    {
        services.AddScoped<FollowService>();
        services.AddScoped<FollowersQueries>();
        return services;
    }
}
