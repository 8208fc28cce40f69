using Meetup.Data.Locking;
using Meetup.Web.Features.CheckIns;
using Meetup.Web.Features.Notifications;

namespace Meetup.Web.Features.Rsvps;

internal static class RsvpRegistration
{
    /// <summary>RSVPs, check-in and notifications: the services of the attendee's journey.</summary>
    public static void AddRsvpFeature(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications");
        services.AddSingleton<IEmailTransport, ConfiguredEmailTransport>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<SeatGates>();
        services.AddScoped<SeatLock>();
        services.AddScoped<RsvpService>();
        services.AddSingleton<RsvpBatcher>();
        services.AddScoped<RsvpBatchWriter>();
        services.AddScoped<RsvpManageService>();
        services.AddScoped<RsvpAdminService>();
        services.AddScoped<RsvpSessionHooks>();
        services.AddScoped<RsvpQueries>();
        services.AddScoped<QuestionService>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<CheckInFeed>();
        services.AddScoped<CheckInService>();
        services.AddScoped<DoorQueries>();
        services.AddScoped<OnlineJoinService>();
    }
}
