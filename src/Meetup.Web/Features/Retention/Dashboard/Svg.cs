using System.Globalization;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>Numbers as SVG and CSS attributes need them: invariant culture, at most two decimals.</summary>
public static class Svg
{
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double value) => N(value) + "%";
}
