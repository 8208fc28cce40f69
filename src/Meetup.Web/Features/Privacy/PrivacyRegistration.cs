namespace Meetup.Web.Features.Privacy;

internal static class PrivacyRegistration
{
    /// <summary>A person's data: export and erasure.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataService>();
        return services;
    }
}
