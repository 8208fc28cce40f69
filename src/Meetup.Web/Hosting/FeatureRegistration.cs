using Meetup.Web.Features.Agenda;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.CheckIns;
using Meetup.Web.Features.Home;
using Meetup.Web.Features.Rsvps;
using Meetup.Web.Features.Sessions;
using Meetup.Web.Features.Speakers;

namespace Meetup.Web.Hosting;

/// <summary>Each feature's services and endpoints, in one place.</summary>
internal static class FeatureRegistration
{
    public static void AddMeetupFeatures(this IServiceCollection services)
    {
        services.AddScoped<OrganizerAccounts>();
        services.AddScoped<EventQueries>();
        services.AddScoped<EventService>();
        services.AddScoped<SessionService>();
        services.AddScoped<SessionScheduling>();
        services.AddScoped<AgendaService>();
        services.AddScoped<SpeakerService>();
        services.AddScoped<HomeQueries>();
        services.AddScoped<Features.Shared.PublicUrls>();
        services.AddRsvpFeature();
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAuthEndpoints();
        app.MapEventEndpoints();
        app.MapSessionEndpoints();
        app.MapAgendaEndpoints();
        app.MapSpeakerEndpoints();
        app.MapRsvpEndpoints();
        app.MapCheckInEndpoints();
    }
}
