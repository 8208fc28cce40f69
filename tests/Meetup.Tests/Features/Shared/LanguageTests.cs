using System.Globalization;
using Meetup.Web.Features.Shared;

namespace Meetup.Tests.Features.Shared;

/// <summary>The one language list and how each language writes dates (docs/i18n.md).</summary>
public sealed class LanguageTests
{
    [Theory]
    [InlineData("en", "Wed 6 Jan 2027, 19:00", "Wed 6 Jan 2027", "6 Jan 2027", "January 2027")]
    [InlineData("ja", "2027年1月6日(水) 19:00", "2027年1月6日(水)", "2027年1月6日", "2027年1月")]
    [InlineData("zh-Hans", "2027年1月6日 周三 19:00", "2027年1月6日 周三", "2027年1月6日", "2027年1月")]
    [InlineData("zh-CN", "2027年1月6日 周三 19:00", "2027年1月6日 周三", "2027年1月6日", "2027年1月")]
    [InlineData("ja-JP", "2027年1月6日(水) 19:00", "2027年1月6日(水)", "2027年1月6日", "2027年1月")]
    public void Each_language_writes_a_day_its_own_way(string culture, string dayAndTime, string day, string date, string month)
    {
        var local = new DateTime(2027, 1, 6, 19, 0, 0);
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(dayAndTime, DateFormats.DayAndTime(local));
            Assert.Equal(day, DateFormats.Day(local));
            Assert.Equal(date, DateFormats.Date(local));
            Assert.Equal(month, DateFormats.Month(local));
            Assert.Equal("19:00", DateFormats.Time(local));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Theory]
    [InlineData("en", "Kubernetes, Envoy", "When: 19:00", "19:00 (Asia/Tokyo)", "Wed,")]
    [InlineData("ja", "Kubernetes、Envoy", "When：19:00", "19:00（Asia/Tokyo）", "Wed")]
    [InlineData("zh-Hans", "Kubernetes、Envoy", "When：19:00", "19:00（Asia/Tokyo）", "Wed")]
    public void Each_language_punctuates_lists_labels_and_asides_its_own_way(string culture, string list, string label, string aside, string day)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(list, Punctuation.List(["Kubernetes", "Envoy"]));
            Assert.Equal(label, Punctuation.Label("When", "19:00"));
            Assert.Equal(aside, "19:00" + Punctuation.Aside("Asia/Tokyo"));
            Assert.Equal(day, "Wed" + Punctuation.DayComma);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("ja", "ja")]
    [InlineData("ja-JP", "ja")]
    [InlineData("zh-Hans", "zh")]
    [InlineData("zh-CN", "zh")]
    [InlineData("zh-SG", "zh")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "en")]
    public void A_page_culture_maps_to_one_of_the_stored_language_codes(string culture, string code)
        => Assert.Equal(code, AppLanguages.CodeOf(CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Every_stored_code_has_its_culture()
    {
        Assert.Equal(["en", "ja", "zh-Hans"], AppLanguages.Cultures);
        Assert.Equal("zh-Hans", AppLanguages.CultureOf("zh"));
        Assert.Equal("en", AppLanguages.CultureOf("ko"));
        Assert.Equal("en", AppLanguages.CultureOf(null));
    }
}
