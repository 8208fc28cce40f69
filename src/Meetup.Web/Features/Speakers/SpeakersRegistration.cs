namespace Meetup.Web.Features.Speakers;

internal static class SpeakersRegistration
{
    /// <summary>Speakers.</summary>
    public static IServiceCollection AddSpeakers(this IServiceCollection services)
    {
        services.AddScoped<SpeakerService>();
        return services;
    }
}
