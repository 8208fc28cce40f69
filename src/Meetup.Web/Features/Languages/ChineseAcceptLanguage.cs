using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace Meetup.Web.Features.Languages;

/// <summary>
/// Accept-Language as the page's language, with every Chinese (zh, zh-CN, zh-SG, zh-TW, zh-HK, zh-Hant, …) read as
/// zh-Hans, the only Chinese the app has (docs/i18n.md): a reader of Traditional Chinese reads Simplified far better
/// than English. The quality order of the header is kept.
/// </summary>
public sealed class ChineseAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
{
    public const string Chinese = "zh-Hans";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (await base.DetermineProviderCultureResult(httpContext) is not { } result)
        {
            return null;
        }
        return new ProviderCultureResult([.. result.Cultures.Select(Map)], [.. result.UICultures.Select(Map)]);
    }

    public static bool IsChinese(StringSegment tag)
        => tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase);

    private static StringSegment Map(StringSegment tag) => IsChinese(tag) ? new StringSegment(Chinese) : tag;
}
