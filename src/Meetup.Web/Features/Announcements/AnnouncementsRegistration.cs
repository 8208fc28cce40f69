namespace Meetup.Web.Features.Announcements;

internal static class AnnouncementsRegistration
{
    /// <summary>Announcing a session to the group's followers: the service, its sender and the loop it wakes, its API.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddScoped<AnnouncementService>();
        services.AddScoped<AudienceSelector>();
        services.AddScoped<AnnouncementSender>();
        services.AddScoped<AnnouncementEffect>();
        services.AddSingleton<AnnouncementSignal>();
        services.AddHostedService<AnnouncementLoop>();
        return services;
    }
}
