namespace Meetup.Web.Features.Notifications;

internal static class NotificationsRegistration
{
    /// <summary>Email: the outbox, its renderer and the background sender (SMTP or .eml files).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications");
        services.AddSingleton<IEmailTransport, ConfiguredEmailTransport>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Outbox>();
        return services;
    }
}
