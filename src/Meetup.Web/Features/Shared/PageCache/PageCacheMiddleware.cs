using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace Meetup.Web.Features.Shared.PageCache;

/// <summary>
/// Serves pages marked <see cref="ShareRenderAttribute"/> to anonymous GETs without a query string from a render at
/// most <see cref="MaxAge"/> old, per path and language (the request culture, whether from the language cookie or
/// Accept-Language). What is per visitor is never shared: each answer carries this visitor's own antiforgery token
/// (issued as for a fresh render, cookie included) and this response's CSP nonce, put in place of the ones the
/// render wrote; a signed-in organizer, a query string (a personal link), any answer but 200 go straight through.
/// Entries are not evicted on change: a second is the promise (seat counts never older than that).
/// </summary>
public sealed class PageCacheMiddleware(RequestDelegate next, IAntiforgery antiforgery, TimeProvider time, SharedRenders renders)
{
    /// <summary>How old a shared render may be, counted from when it began.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);


    public async Task InvokeAsync(HttpContext context)
    {
        if (!Shareable(context))
        {
            await next(context);
            return;
        }

        var key = string.Concat(CultureInfo.CurrentUICulture.Name, " ", context.Request.Path.Value);
        if (renders.Entries.TryGetValue(key, out var entry) && Fresh(entry))
        {
            await ServeAsync(context, entry);
            return;
        }
        var mine = new TaskCompletionSource<PageCacheEntry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendering = renders.Rendering.GetOrAdd(key, mine.Task);
        if (rendering != mine.Task)
        {
            if (await rendering is { } shared && Fresh(shared))
            {
                await ServeAsync(context, shared);
                return;
            }
            await next(context); // that render was not shareable (a 404, a redirect): do this one alone
            return;
        }
        try
        {
            mine.SetResult(await RenderAndKeepAsync(context, key));
        }
        catch
        {
            mine.SetResult(null);
            throw;
        }
        finally
        {
            renders.Rendering.TryRemove(new KeyValuePair<string, Task<PageCacheEntry?>>(key, mine.Task));
        }
    }

    private static string? Encoded(string? value) => value is null ? null : HtmlEncoder.Default.Encode(value);

    /// <summary>An anonymous GET without a query string of a <see cref="ShareRenderAttribute"/> page (after authentication).</summary>
    internal static bool Shareable(HttpContext context)
        => HttpMethods.IsGet(context.Request.Method)
            && !context.Request.QueryString.HasValue
            && context.User.Identity?.IsAuthenticated != true
            && context.GetEndpoint()?.Metadata.GetMetadata<ShareRenderAttribute>() is not null;

    private bool Fresh(PageCacheEntry entry)
    {
        var clockMoved = time.GetUtcNow() - entry.Clock;
        return Stopwatch.GetElapsedTime(entry.Started) < MaxAge && clockMoved >= TimeSpan.Zero && clockMoved < MaxAge;
    }

    private async Task ServeAsync(HttpContext context, PageCacheEntry entry)
    {
        var token = entry.Has(PageCacheEntry.Gap.Token) ? Utf8(Encoded(antiforgery.GetAndStoreTokens(context).RequestToken)) : [];
        var nonce = entry.Has(PageCacheEntry.Gap.Nonce) ? Utf8(Encoded(context.GetNonce())) : [];
        var length = 0L;
        foreach (var piece in entry.Pieces)
        {
            length += piece.Length;
        }
        foreach (var gap in entry.Gaps)
        {
            length += gap == PageCacheEntry.Gap.Token ? token.Length : nonce.Length;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = entry.ContentType;
        context.Response.ContentLength = length;
        var body = context.Response.BodyWriter;
        for (var i = 0; i < entry.Pieces.Length; i++)
        {
            body.Write(entry.Pieces[i]);
            if (i < entry.Gaps.Length)
            {
                body.Write(entry.Gaps[i] == PageCacheEntry.Gap.Token ? token : nonce);
            }
        }
        await body.FlushAsync(context.RequestAborted);
    }

    private static byte[] Utf8(string? value) => value is null ? [] : Encoding.UTF8.GetBytes(value);

    private async Task<PageCacheEntry?> RenderAndKeepAsync(HttpContext context, string key)
    {
        var started = Stopwatch.GetTimestamp();
        var clock = time.GetUtcNow();
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }

        buffer.Position = 0;
        PageCacheEntry? entry = null;
        if (context.Response.StatusCode == StatusCodes.Status200OK
            && context.Response.ContentType is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            // The tokens this render wrote (antiforgery keeps them for the request); none when it wrote no form.
            // Both as the page wrote them: HTML-encoded (a nonce's '+' is written as an entity).
            var token = Encoded(antiforgery.GetAndStoreTokens(context).RequestToken);
            token = token is not null && html.Contains(token, StringComparison.Ordinal) ? token : null;
            var nonce = Encoded(context.GetNonce());
            nonce = nonce is not null && html.Contains(nonce, StringComparison.Ordinal) ? nonce : null;
            entry = PageCacheEntry.Cut(html, token, nonce, type, started, clock);
            renders.Keep(key, entry);
        }
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
        return entry;
    }
}
