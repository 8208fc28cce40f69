using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Links;
namespace Meetup.Web.Features.Events;

internal static class EventMapping
{
    public static EventResource ToResource(this Event e, PublicUrls urls) => new(
        e.Id, e.Name, e.Slug, e.TimeZone, e.Description, e.DefaultCapacity, e.DefaultLanguages, e.CadenceWeeks,
        urls.Event(e.Slug), urls.EventCalendar(e.Slug))
    {
        DefaultVenueName = e.DefaultVenueName,
        DefaultVenueAddress = e.DefaultVenueAddress,
        RegularMinSessions = e.RegularMinSessions,
        RegularMinRatio = e.RegularMinRatio,
        AtRiskMissedSessions = e.AtRiskMissedSessions,
    };
}
