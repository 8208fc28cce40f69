using System.Globalization;
using System.Text;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>Numbers as SVG and CSS attributes need them: invariant culture, at most two decimals.</summary>
public static class Svg
{
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double value) => N(value) + "%";
}

/// <summary>
/// The path data of a whole series — every session's bar, or every point of a line — so that a chart is a few
/// elements rather than one or more per session: with 200 sessions, thousands of elements made the dashboard
/// slow to send over the circuit and to lay out in the browser.
/// </summary>
/// <remarks>
/// Coordinates are those of the chart's inner viewBox: x in percent of the plot width, y in pixels. Dots and
/// lines are meant for <c>vector-effect: non-scaling-stroke</c>, which keeps their width, and a dot's round cap
/// round, however the plot is stretched.
/// </remarks>
public sealed class SvgPath
{
    private readonly StringBuilder _data = new();

    public bool IsEmpty => _data.Length == 0;

    /// <summary>An axis-aligned rectangle from its top-left corner.</summary>
    public SvgPath Rect(double x, double y, double width, double height)
        => Append('M', x, y).Append('h', width).Append('v', height).Append('h', -width).Close();

    /// <summary>Starts a new piece of line (a gap from the previous one).</summary>
    public SvgPath MoveTo(double x, double y) => Append('M', x, y);

    public SvgPath LineTo(double x, double y) => Append('L', x, y);

    /// <summary>A zero-length stroke: drawn with round caps, a dot as wide as the stroke.</summary>
    public SvgPath Dot(double x, double y) => Append('M', x, y).Append('h', 0);

    public override string ToString() => _data.ToString();

    private SvgPath Append(char command, double value)
    {
        _data.Append(command).Append(Svg.N(value));
        return this;
    }

    private SvgPath Append(char command, double x, double y)
    {
        _data.Append(command).Append(Svg.N(x)).Append(' ').Append(Svg.N(y));
        return this;
    }

    private SvgPath Close()
    {
        _data.Append('z');
        return this;
    }
}
