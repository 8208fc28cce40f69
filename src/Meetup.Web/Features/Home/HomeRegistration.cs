namespace Meetup.Web.Features.Home;

internal static class HomeRegistration
{
    /// <summary>The start page's queries.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<HomeQueries>();
        return services;
    }
}
