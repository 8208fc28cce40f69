namespace Meetup.Web.Features.Shared.Links;

internal static class LinksRegistration
{
    /// <summary>Absolute links: the base every feature builds them on.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddSingleton<PublicBase>();
        services.AddScoped<PublicUrls>();
        return services;
    }
}
