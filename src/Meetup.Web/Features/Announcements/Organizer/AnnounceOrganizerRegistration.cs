using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Web.Features.Announcements.Organizer;

internal static class AnnounceOrganizerRegistration
{
    /// <summary>
    /// The announce page's parts outside the page: the marks of announced sessions on the dashboard, and whom its
    /// at-risk invitation can still reach.
    /// </summary>
    public static IServiceCollection AddAnnounceOrganizer(this IServiceCollection services)
    {
        services.AddScoped<ISessionMarks, AnnouncedSessions>();
        services.AddScoped<IInvitationReach, NextSessionReach>();
        return services;
    }
}
