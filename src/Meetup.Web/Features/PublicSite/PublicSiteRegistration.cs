namespace Meetup.Web.Features.PublicSite;

internal static class PublicSiteRegistration
{
    /// <summary>The public pages and calendar files.</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddScoped<PublicEventQueries>();
        services.AddScoped<CalendarQueries>();
        services.AddScoped<CalendarWriter>();
        return services;
    }
}
