using System.Globalization;
using CsvHelper;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// The per-session figures as a spreadsheet: one row per counted session in the date range, the
/// columns named as in the JSON report, plus the local start. Rates are fractions; an undefined
/// rate is an empty cell, never 0. Text cells that a spreadsheet would run as a formula are escaped.
/// </summary>
public static class RetentionCsv
{
    private static readonly string[] Columns =
    [
        "index", "sessionId", "startsAt", "localStart", "title", "attended", "new", "returning", "resurrecting", "dormant",
        "returnRate", "firstTimerReturnRate", "confirmedRsvps", "noShows", "noShowRate", "walkIns", "lateCancellations",
    ];

    public static async Task WriteAsync(EventRetention retention, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentNullException.ThrowIfNull(output);
        await using var csv = CsvWriter.Create(output, SpreadsheetText.WriterOptions, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        await csv.EndRecordAsync(ct);
        foreach (var row in retention.Report.Sessions)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(row.StartsAt, retention.TimeZone);
            csv.WriteField(row.Index, "");
            csv.WriteField(row.SessionId, "");
            csv.WriteField(row.StartsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            csv.WriteField(row.Title);
            csv.WriteField(row.Attended, "");
            csv.WriteField(row.New, "");
            csv.WriteField(row.Returning, "");
            csv.WriteField(row.Resurrecting, "");
            csv.WriteField(row.Dormant, "");
            csv.WriteField(row.ReturnRate, "");
            csv.WriteField(row.FirstTimerReturnRate, "");
            csv.WriteField(row.ConfirmedRsvps, "");
            csv.WriteField(row.NoShows, "");
            csv.WriteField(row.NoShowRate, "");
            csv.WriteField(row.WalkIns, "");
            csv.WriteField(row.LateCancellations, "");
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
