using Meetup.Web.Features.Rsvps.Registering;
using Microsoft.Extensions.Options;

namespace Meetup.Web.Hosting;

/// <summary>
/// An RSVP never waits behind page views: a shared page read that holds its <see cref="PageReadLimit"/> turn waits
/// while RSVPs are being written, at most <c>PageReads:RsvpYieldMilliseconds</c> (50), then is served. During a burst
/// of RSVPs the reads go about one per 50 ms per turn (the rest wait in the read queue, costing no CPU) and the RSVPs
/// get the cores; between bursts nothing waits. Off with the read limit (<c>PageReads:ConcurrencyLimit</c> 0).
/// Figures: tests/Meetup.Benchmarks/README.md (public-pages).
/// </summary>
internal static class WritesFirst
{
    public static void UseWritesFirst(this IApplicationBuilder app)
    {
        var writes = app.ApplicationServices.GetRequiredService<RsvpWritesInFlight>();
        var reads = app.ApplicationServices.GetRequiredService<IOptions<PageReadSettings>>();
        app.Use(async (context, next) =>
        {
            if (reads.Value is { Effective: > 0, RsvpYieldMilliseconds: > 0 } settings && PageReadLimit.Applies(context))
            {
                await writes.CalmAsync(TimeSpan.FromMilliseconds(settings.RsvpYieldMilliseconds), context.RequestAborted);
            }
            await next(context);
        });
    }
}
