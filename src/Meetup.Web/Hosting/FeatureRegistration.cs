using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Home;

namespace Meetup.Web.Hosting;

/// <summary>Each feature's services and endpoints, in one place.</summary>
internal static class FeatureRegistration
{
    public static void AddMeetupFeatures(this IServiceCollection services)
    {
        services.AddScoped<OrganizerAccounts>();
        services.AddScoped<EventQueries>();
        services.AddScoped<HomeQueries>();
        services.AddScoped<Features.Shared.PublicUrls>();
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAuthEndpoints();
        app.MapEventEndpoints();
    }
}
