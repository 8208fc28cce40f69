namespace Meetup.Web.Features.Feedback.Organizer;

internal static class FeedbackOrganizerRegistration
{
    /// <summary>What the organizer reads of the feedback: a session's answers page, topic suggestions for the next one.</summary>
    public static IServiceCollection AddFeedbackOrganizer(this IServiceCollection services)
    {
        services.AddScoped<FeedbackTopics>();
        services.AddScoped<SessionFeedbackReader>();
        return services;
    }
}
