namespace Meetup.Web.Features.Feedback.Trend;

internal static class FeedbackTrendRegistration
{
    /// <summary>The feedback trend across an event's sessions (its own room: it reads the Retention room's figures).</summary>
    public static IServiceCollection AddFeedbackTrend(this IServiceCollection services)
    {
        services.AddScoped<FeedbackTrendService>();
        return services;
    }
}
