using System.Globalization;
using Meetup.Web.Features.Rsvps.Registering;
using CsvHelper;

namespace Meetup.Web.Features.Rsvps.Admin;

/// <summary>
/// The RSVP list as CSV for spreadsheets: one row per RSVP, one column per registration question.
/// Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are escaped
/// with a leading apostrophe: names and answers are typed by strangers.
/// </summary>
public static class RsvpCsv
{
    private static CsvWriterOptions Options() => new()
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static string Write(IReadOnlyList<RsvpListItem> rows)
    {
        var prompts = rows.SelectMany(r => r.Answers).Select(a => a.Prompt).Distinct(StringComparer.Ordinal).ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options(), leaveOpen: true))
        {
            csv.WriteRecord([.. new[] { "name", "email", "status", "waitlist_position", "rsvp_at_utc", "checked_in", "check_in_code", "language" }.Concat(prompts)]);
            foreach (var r in rows)
            {
                csv.WriteRecord([
                    r.Name ?? "", r.Email ?? "", r.Status, r.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.CheckedIn ? "yes" : "no",
                    r.CheckInCode ?? "", r.Language ?? "",
                    .. prompts.Select(prompt => r.Answers.FirstOrDefault(a => a.Prompt == prompt)?.Answer ?? ""),
                ]);
            }
            csv.Flush();
        }
        return text.ToString();
    }
}
