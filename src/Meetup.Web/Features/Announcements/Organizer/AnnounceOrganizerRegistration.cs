using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Web.Features.Announcements.Organizer;

internal static class AnnounceOrganizerRegistration
{
    /// <summary>The announce page's part outside the page: the marks of announced sessions on the dashboard.</summary>
    public static IServiceCollection AddAnnounceOrganizer(this IServiceCollection services)
    {
        services.AddScoped<ISessionMarks, AnnouncedSessions>();
        return services;
    }
}
