namespace Meetup.Web.Features.Retention;

internal static class RetentionRegistration
{
    /// <summary>The retention report.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionService>();
        return services;
    }
}
