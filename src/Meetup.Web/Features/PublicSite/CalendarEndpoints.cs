using System.Text;
using Meetup.Web.Features.Shared.Links;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.PublicSite;

/// <summary>The public iCalendar files: an event's feed (to subscribe to) and one session (to add once).</summary>
public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{slug}/calendar.ics", EventFeedAsync).ExcludeFromDescription();
        app.MapGet("/events/{slug}/sessions/{id:int}.ics", SessionAsync).ExcludeFromDescription();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> EventFeedAsync(
        string slug, CalendarQueries queries, CalendarWriter writer, CancellationToken ct)
    {
        var data = await queries.EventFeedAsync(slug, ct);
        return data is null ? TypedResults.NotFound() : Ics(writer.Write(data), fileName: null);
    }

    private static async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> SessionAsync(
        string slug, int id, CalendarQueries queries, CalendarWriter writer, CancellationToken ct)
    {
        var data = await queries.SessionAsync(id, ct);
        if (data is null)
        {
            return TypedResults.NotFound();
        }
        // The event's slug may have been renamed since the link was shared; the session id has not.
        if (!string.Equals(data.Event.Slug, slug, StringComparison.Ordinal))
        {
            return TypedResults.Redirect(PublicUrls.SessionCalendarPath(data.Event.Slug, id), permanent: true);
        }
        return Ics(writer.Write(data), $"session-{id}.ics");
    }

    private static FileContentHttpResult Ics(string text, string? fileName)
        => TypedResults.File(Encoding.UTF8.GetBytes(text), CalendarWriter.ContentType, fileName);
}
