using System.Globalization;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>How the dashboard writes its figures: rates as percentages with one decimal, undefined ones as null (the caller says "pending" or "–").</summary>
public static class RetentionText
{
    /// <summary>0.6521739 → "65.2%"; null → null.</summary>
    public static string? Percent(double? rate)
        => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%" : null;

    /// <summary>A change of a rate in percentage points: 0.041 → "+4.1", −0.1 → "−10".</summary>
    public static string PercentPoints(double change) => Signed(change * 100, "0.#");

    /// <summary>A change of a count: 3 → "+3", −2 → "−2", 0 → "±0".</summary>
    public static string Count(double change) => Signed(change, "0");

    /// <summary>A mean such as people per session: "12.3".</summary>
    public static string Mean(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);

    private static string Signed(double value, string format)
    {
        var rounded = Math.Round(value, format == "0" ? 0 : 1);
        var magnitude = Math.Abs(rounded).ToString(format, CultureInfo.CurrentCulture);
        return rounded > 0 ? "+" + magnitude : rounded < 0 ? "−" + magnitude : "±0";
    }
}
