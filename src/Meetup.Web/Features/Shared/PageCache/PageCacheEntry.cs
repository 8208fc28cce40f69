namespace Meetup.Web.Features.Shared.PageCache;

/// <summary>
/// One rendered page: its HTML with the per-visitor values it was rendered with (its visitor's antiforgery request
/// token and the response's CSP nonce), to be swapped for the next visitor's own. Started is when the render began,
/// so the data in it is never older than the entry's age.
/// </summary>
internal sealed record PageCacheEntry(string Html, string ContentType, string? Token, string? Nonce, long Started, DateTimeOffset Clock);
