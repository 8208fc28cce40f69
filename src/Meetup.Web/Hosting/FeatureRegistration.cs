using Meetup.Web.Features.Agenda;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.CheckIns;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Home;
using Meetup.Web.Features.Import;
using Meetup.Web.Features.Import.Screen;
using Meetup.Web.Features.Privacy;
using Meetup.Web.Features.PublicSite;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
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
        services.AddSingleton<Features.Shared.PublicBase>();
        services.AddScoped<Features.Shared.PublicUrls>();
        services.AddScoped<PublicEventQueries>();
        services.AddScoped<CalendarQueries>();
        services.AddScoped<CalendarWriter>();
        services.AddScoped<HistoryWriter>();
        services.AddScoped<AttendanceImport>();
        services.AddScoped<AttendanceExport>();
        services.AddScoped<RetentionService>();
        services.AddScoped<RetentionDashboardService>();
        services.AddSingleton<DashboardHandOver>();
        services.AddScoped<ImportPreviewService>();
        services.AddScoped<SavedMappings>();
        services.AddScoped<AttendeeHistoryQueries>();
        services.AddScoped<AttendeeMerge>();
        services.AddScoped<AttendeeMatches>();
        services.AddScoped<PossibleDuplicates>();
        services.AddScoped<PersonalDataService>();
        services.AddRsvpFeature();
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAuthEndpoints();
        app.MapEventEndpoints();
        app.MapSessionEndpoints();
        app.MapAgendaEndpoints();
        app.MapSpeakerEndpoints();
        app.MapCalendarEndpoints();
        app.MapImportEndpoints();
        app.MapRetentionEndpoints();
        app.MapRsvpEndpoints();
        app.MapCheckInEndpoints();
        app.MapAttendeeEndpoints();
        app.MapPrivacyEndpoints();
    }
}
