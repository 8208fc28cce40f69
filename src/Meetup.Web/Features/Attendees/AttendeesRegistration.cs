namespace Meetup.Web.Features.Attendees;

internal static class AttendeesRegistration
{
    /// <summary>People: history, matching, duplicates and merging.</summary>
    public static IServiceCollection AddAttendees(this IServiceCollection services)
    {
        services.AddScoped<AttendeeHistoryQueries>();
        services.AddScoped<AttendeeMerge>();
        services.AddScoped<AttendeeMatches>();
        services.AddScoped<PossibleDuplicates>();
        return services;
    }
}
