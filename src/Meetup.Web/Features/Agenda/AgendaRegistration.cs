namespace Meetup.Web.Features.Agenda;

internal static class AgendaRegistration
{
    /// <summary>A session's agenda.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services)
    {
        services.AddScoped<AgendaService>();
        return services;
    }
}
