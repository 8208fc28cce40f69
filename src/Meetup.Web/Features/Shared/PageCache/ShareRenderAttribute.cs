namespace Meetup.Web.Features.Shared.PageCache;

/// <summary>
/// Marks a public, static server-rendered page whose HTML anonymous visitors of one language may share for at most
/// a second (<see cref="PageCacheMiddleware"/>): the pages an announcement's rush lands on. Only for pages that
/// show the same to every anonymous visitor apart from the antiforgery token and the CSP nonce.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShareRenderAttribute : Attribute;
