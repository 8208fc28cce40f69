using System.Text;
using CsvHelper;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Import;

/// <summary>A session's local date and start time, suggested from when its people checked in.</summary>
public sealed record SessionSuggestion(DateTime Date, TimeSpan Time)
{
    /// <summary>As the API's <c>sessionStart</c> writes it: <c>2025-01-22T19:30</c>.</summary>
    public override string ToString() => (Date.Date + Time).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A per-event export names no session, but its check-in times (connpass's 出席日時, Luma's
/// <c>checked_in_at</c>) say when it was: the median arrival, to the nearest half hour, in the event's
/// zone. People arrive a little before and after the start, so that is the likely start; the organizer
/// confirms it on the screen.
/// </summary>
public static class CheckInTimes
{
    private const int MaxTimes = 100_000;

    public static SessionSuggestion? Suggest(TextReader text, string column, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var times = new List<DateTime>();
        try
        {
            using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { Separator = ',', HasHeader = true }, leaveOpen: true);
            if (!csv.TryGetFieldIndex(column, out var index))
            {
                return null;
            }
            while (times.Count < MaxTimes && csv.Read())
            {
                var cell = index < csv.FieldCount ? SpreadsheetText.Unescape(csv.GetString(index) ?? "").Trim() : "";
                if (cell.Length > 0 && SessionStartText.TryParse(cell, zone, out var utc, out _))
                {
                    times.Add(utc);
                }
            }
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException)
        {
            // What was read before the problem still suggests a time; the check reports the problem.
        }
        if (times.Count == 0)
        {
            return null;
        }
        times.Sort();
        var median = times[times.Count / 2];
        if (times.Count % 2 == 0)
        {
            median = times[times.Count / 2 - 1] + (times[times.Count / 2] - times[times.Count / 2 - 1]) / 2;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(median, DateTimeKind.Utc), zone);
        var halfHours = Math.Round(local.TimeOfDay.TotalMinutes / 30, MidpointRounding.AwayFromZero);
        var rounded = local.Date.AddMinutes(halfHours * 30);
        return new SessionSuggestion(rounded.Date, rounded.TimeOfDay);
    }
}
