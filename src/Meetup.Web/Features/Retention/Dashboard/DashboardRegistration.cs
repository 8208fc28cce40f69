namespace Meetup.Web.Features.Retention.Dashboard;

internal static class DashboardRegistration
{
    /// <summary>The retention dashboard, its lists person by person and the hand-over of its first load from prerender to the interactive render.</summary>
    public static IServiceCollection AddRetentionDashboard(this IServiceCollection services)
    {
        services.AddScoped<RetentionDashboardService>();
        services.AddSingleton<DashboardHandOver>();
        services.AddScoped<SessionAttendanceService>();
        services.AddScoped<PersonRetentionService>();
        return services;
    }
}
