using System.Globalization;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Meetup.Tests.Features.Shared;

/// <summary>A session's languages are named in the reader's language ("ベトナム語", not "vi (vi)").</summary>
public sealed class LanguageNameTests
{
    [Theory]
    [InlineData("en", "vi", "Vietnamese")]
    [InlineData("en", "ja", "Japanese")]
    [InlineData("en", "zh", "Chinese")]
    [InlineData("ja", "vi", "ベトナム語")]
    [InlineData("ja", "zh", "中国語")]
    [InlineData("ja", "en", "英語")]
    [InlineData("ja", "fr", "フランス語")]
    [InlineData("zh-Hans", "vi", "越南语")]
    [InlineData("zh-Hans", "ja", "日语")]
    [InlineData("zh-Hans", "en", "英语")]
    [InlineData("zh-Hans", "ko", "韩语")]
    public void A_language_is_named_in_the_readers_language(string reader, string code, string name)
        => InCulture(reader, () => Assert.Equal(name, Labels.Language(Localizer(), code)));

    [Theory]
    [InlineData("ja")]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public void A_code_no_language_has_stays_as_written(string reader)
        => InCulture(reader, () => Assert.Equal("qq", Labels.Language(Localizer(), "qq")));

    /// <summary>Needs Strings.ja.resx / Strings.zh-Hans.resx (the translations), like the page tests in ja and zh-Hans.</summary>
    [Theory]
    [InlineData("ja", "vi", "ベトナム語")]
    [InlineData("zh-Hans", "de", "德语")]
    public void Where_dotnet_names_a_language_only_in_English_our_own_word_is_used(string reader, string code, string name)
        => InCulture(reader, () =>
        {
            var culture = CultureInfo.GetCultureInfo(code);
            Assert.Equal(name, LanguageNames.Pick(Localizer(), code, culture, culture.EnglishName));
        });

    [Fact]
    public void Where_dotnet_names_a_rare_language_only_in_English_its_own_name_is_used()
        => InCulture("ja", () =>
        {
            var culture = CultureInfo.GetCultureInfo("pt-BR");
            Assert.Equal("português (Brasil)", LanguageNames.Pick(Localizer(), "pt-br", culture, culture.EnglishName));
        });

    private static IStringLocalizer<Strings> Localizer()
        => new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();

    private static void InCulture(string culture, Action test)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            test();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
