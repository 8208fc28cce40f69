using Meetup.Web.Features.Agenda;
using Meetup.Web.Features.Announcements;
using Meetup.Web.Features.Announcements.Organizer;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.CheckIns;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Feedback;
using Meetup.Web.Features.Feedback.Organizer;
using Meetup.Web.Features.Feedback.Trend;
using Meetup.Web.Features.Follow;
using Meetup.Web.Features.Home;
using Meetup.Web.Features.Import;
using Meetup.Web.Features.Import.Screen;
using Meetup.Web.Features.Languages;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Privacy;
using Meetup.Web.Features.PublicSite;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
using Meetup.Web.Features.Rsvps;
using Meetup.Web.Features.Sessions;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Features.Speakers;

namespace Meetup.Web.Hosting;

/// <summary>The features, each registering its own services and mapping its own endpoints.</summary>
internal static class FeatureRegistration
{
    public static void AddMeetupFeatures(this IServiceCollection services)
    {
        services.AddSingleton<Meetup.Web.Features.Shared.PageCache.SharedRenders>();
        services.AddOrganizerAccounts();
        services.AddEvents();
        services.AddSessions();
        services.AddAgenda();
        services.AddSpeakers();
        services.AddHome();
        services.AddLinks();
        services.AddPublicSite();
        services.AddImport();
        services.AddRetention();
        services.AddRetentionDashboard();
        services.AddImportScreen();
        services.AddAttendees();
        services.AddPrivacy();
        services.AddNotifications();
        services.AddRsvps();
        services.AddCheckIns();
        services.AddFeedback();
        services.AddFeedbackOrganizer();
        services.AddFeedbackTrend();
        services.AddFollow();
        services.AddAnnouncements();
        services.AddAnnounceOrganizer();
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAuthEndpoints();
        app.MapLanguageEndpoints();
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
        app.MapFeedbackEndpoints();
        app.MapFollowEndpoints();
        app.MapAnnouncementEndpoints();
    }
}
