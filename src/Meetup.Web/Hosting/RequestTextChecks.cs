using System.Text;
using Meetup.Web.Features.Shared;
using Microsoft.Net.Http.Headers;

namespace Meetup.Web.Hosting;

/// <summary>
/// Two checks before any endpoint reads a request. A body whose Content-Type names a charset .NET cannot
/// decode (<c>application/json; charset=bogus</c>) is answered 415 (the JSON binder would throw: 500). An
/// /api query value with a control character (<see cref="TextRules"/>: NUL, CR/LF…) is answered 400 naming
/// the parameter: searches go into SQL, and PostgreSQL refuses NUL.
/// </summary>
internal static class RequestTextChecks
{
    public static void UseRequestTextChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentType is { } type
            && MediaTypeHeaderValue.TryParse(type, out var media)
            && media.Charset is { HasValue: true } charset
            && !IsKnown(charset.Value!))
        {
            var detail = $"The charset '{charset.Value}' is unknown; send UTF-8 (charset=utf-8).";
            await ApiResults.UnsupportedMediaType(detail).ExecuteAsync(context);
            return;
        }
        if (Pipeline.IsApi(context)
            && context.Request.Query.FirstOrDefault(q => q.Value.Any(v => !TextRules.IsSingleLine(v))) is { Key: { } name })
        {
            await ApiResults.Invalid(name, "Remove the control characters from this parameter.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
