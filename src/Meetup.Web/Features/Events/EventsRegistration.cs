namespace Meetup.Web.Features.Events;

internal static class EventsRegistration
{
    /// <summary>Events: queries and the service that creates and edits them.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventQueries>();
        services.AddScoped<EventService>();
        return services;
    }
}
