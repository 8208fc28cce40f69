using Meetup.Data.Entities;

namespace Meetup.Web.Features.PublicSite;

/// <summary>Events that had <c>slug</c> before a rename (<see cref="Event.PreviousSlugs"/>), the latest changed first.</summary>
internal static class FormerSlugs
{
    /// <summary>Asked only when no event has the slug now: the current one always wins.</summary>
    public static IQueryable<Event> HadSlug(this IQueryable<Event> events, string slug)
        => events.Where(e => e.PreviousSlugs.Contains(slug)).OrderByDescending(e => e.UpdatedAt);
}
