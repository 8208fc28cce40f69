using System.Threading.RateLimiting;
using Meetup.Web.Features.Shared.PageCache;
using Microsoft.Extensions.Options;

namespace Meetup.Web.Hosting;

/// <summary>Section "PageReads": how many anonymous reads of the shared public pages are served at once.</summary>
public sealed class PageReadSettings
{
    /// <summary>Reads served at once; 0 turns the limit off; unset: half the cores, at least one.</summary>
    public int? ConcurrencyLimit { get; set; }

    /// <summary>Reads waiting in line beyond those (first come, first served); one more is answered 503.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>How long a read holding its turn waits at most while RSVPs are being written (<see cref="WritesFirst"/>); 0: not at all.</summary>
    public int RsvpYieldMilliseconds { get; set; } = 50;

    /// <summary>The limit in effect; 0: none.</summary>
    public int Effective => Math.Max(0, ConcurrencyLimit ?? Math.Max(1, Environment.ProcessorCount / 2));
}

/// <summary>
/// The rush an announcement causes: the reads <see cref="PageCacheMiddleware"/> serves from a shared render (anonymous
/// GETs without a query string of the <see cref="ShareRenderAttribute"/> pages: the event and session pages) pass a
/// concurrency limit of ASP.NET Core's rate limiter, its global limiter, and queue beyond it, first come first served,
/// instead of being refused. Such a read is CPU work only, so half the cores serve them as fast as all would; a
/// waiting read costs no CPU, and an RSVP (a POST, never counted here) arriving during the rush gets the other half
/// instead of queuing behind dozens of runnable reads. Signed-in organizers, a query string (a personal link, a full
/// render that waits on the database), every POST and every other page and endpoint pass unlimited; the per-address
/// RSVP limit never counts a read. Figures: tests/Meetup.Benchmarks/README.md (public-pages); docs/architecture.md.
/// </summary>
internal static class PageReadLimit
{
    private const string Partition = "page-reads";

    public static PartitionedRateLimiter<HttpContext> Create(IOptions<PageReadSettings> options)
        => PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var settings = options.Value;
            if (settings.Effective == 0 || !Applies(context))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            return RateLimitPartition.GetConcurrencyLimiter(Partition, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = settings.Effective,
                QueueLimit = Math.Max(0, settings.QueueLimit),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });

    /// <summary>A read the page cache shares: the limit applies.</summary>
    public static bool Applies(HttpContext context) => PageCacheMiddleware.Shareable(context);
}
