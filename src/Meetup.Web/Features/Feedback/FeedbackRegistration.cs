namespace Meetup.Web.Features.Feedback;

internal static class FeedbackRegistration
{
    /// <summary>The survey after a session: answers by manage link, the organizer's summary.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<FeedbackService>();
        return services;
    }
}
