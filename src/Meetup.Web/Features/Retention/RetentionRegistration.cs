namespace Meetup.Web.Features.Retention;

internal static class RetentionRegistration
{
    /// <summary>The retention report and what feedback says about coming back.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionService>();
        services.AddScoped<FeedbackEffectService>();
        return services;
    }
}
