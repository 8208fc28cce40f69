using System.Globalization;
using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

public class RetentionTextTests
{
    [Fact]
    public void Rates_read_as_percentages_and_undefined_ones_stay_undefined()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

        Assert.Equal("65.2%", RetentionText.Percent(0.6521739130434783));
        Assert.Equal("60%", RetentionText.Percent(0.6));
        Assert.Equal("0%", RetentionText.Percent(0));
        Assert.Equal("100%", RetentionText.Percent(1));
        Assert.Null(RetentionText.Percent(null));
    }

    [Fact]
    public void Changes_carry_their_sign()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

        Assert.Equal("+4.1", RetentionText.PercentPoints(0.041));
        Assert.Equal("−30", RetentionText.PercentPoints(0.5 - 0.8));
        Assert.Equal("±0", RetentionText.PercentPoints(0.0000001));
        Assert.Equal("+3", RetentionText.Count(3));
        Assert.Equal("−2", RetentionText.Count(-2));
        Assert.Equal("±0", RetentionText.Count(0));
    }

    [Fact]
    public void Svg_numbers_use_a_dot_in_every_culture()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

        Assert.Equal("12.5", Svg.N(12.5));
        Assert.Equal("33.33%", Svg.Percent(100 / 3.0));
    }
}
