using Meetup.Web.Features.Rsvps.Admin;
using Meetup.Web.Features.Rsvps.Manage;
using Meetup.Web.Features.Rsvps.Messages;
using Meetup.Web.Features.Rsvps.Questions;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Data.Locking;

namespace Meetup.Web.Features.Rsvps;

internal static class RsvpRegistration
{
    /// <summary>RSVPs: the seat lock, registering (one by one and batched), managing, the organizer's list, questions.</summary>
    public static IServiceCollection AddRsvps(this IServiceCollection services)
    {
        services.AddSingleton<SeatGates>();
        services.AddScoped<SeatLock>();
        services.AddScoped<RsvpService>();
        services.AddSingleton<RsvpBatcher>();
        services.AddSingleton<RsvpWritesInFlight>();
        services.AddScoped<RsvpBatchWriter>();
        services.AddScoped<RsvpManageService>();
        services.AddScoped<RsvpAdminService>();
        services.AddScoped<RsvpSessionHooks>();
        services.AddScoped<RsvpQueries>();
        services.AddScoped<QuestionService>();
        services.AddScoped<SessionMessageService>();
        return services;
    }
}
