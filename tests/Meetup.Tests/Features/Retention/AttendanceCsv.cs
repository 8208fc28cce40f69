using System.Globalization;
using System.Text;
using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// Just enough of the canonical import format (docs/import-format.md) to turn the worked example
/// into a <see cref="RetentionInput"/>: sessions by start (read in the event's zone), numbered
/// 1.. by start; people by normalized email, numbered 1.. by first appearance.
/// </summary>
internal static class AttendanceCsv
{
    public static RetentionInput Load(string path, TimeZoneInfo timeZone, DateTime now)
    {
        var records = ParseRecords(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        string Field(string[] record, string column)
        {
            var i = header.IndexOf(column);
            return i >= 0 && i < record.Length ? record[i].Trim() : "";
        }

        var sessions = new Dictionary<DateTime, RetentionSession>();
        var people = new Dictionary<string, RetentionPerson>();
        var checkIns = new List<(DateTime Start, string Email)>();
        var rsvps = new List<(DateTime Start, string Email)>();
        foreach (var record in records.Skip(1))
        {
            var start = ParseStart(Field(record, "session_start"), timeZone);
            var email = EmailAddress.Normalize(Field(record, "email"));
            // The first row of a session (or person) wins.
            sessions.TryAdd(start, new RetentionSession(
                Id: 0,
                StartsAt: start,
                Title: Field(record, "session_title"),
                Format: Field(record, "session_format") is { Length: > 0 } format
                    ? EnumNames.ParseSnakeCase<SessionFormat>(format)
                    : SessionFormat.InPerson,
                Languages: Field(record, "session_languages").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Status: Field(record, "session_status").Equals("cancelled", StringComparison.OrdinalIgnoreCase)
                    ? SessionStatus.Cancelled
                    : SessionStatus.Published));
            people.TryAdd(email, new RetentionPerson(people.Count + 1, Field(record, "name"), email));
            if (Field(record, "rsvp").Equals("confirmed", StringComparison.OrdinalIgnoreCase))
            {
                rsvps.Add((start, email));
            }
            if (Field(record, "attended").ToLowerInvariant() is "yes" or "true" or "1")
            {
                checkIns.Add((start, email));
            }
        }

        var numbered = sessions.Values.OrderBy(s => s.StartsAt).Select((s, i) => s with { Id = i + 1 }).ToList();
        var sessionId = numbered.ToDictionary(s => s.StartsAt, s => s.Id);
        SessionAttendee Pair((DateTime Start, string Email) row) => new(sessionId[row.Start], people[row.Email].AttendeeId);
        return new RetentionInput
        {
            TimeZone = timeZone,
            Now = now,
            Sessions = numbered,
            People = [.. people.Values],
            CheckIns = [.. checkIns.Select(Pair)],
            ConfirmedRsvps = [.. rsvps.Select(Pair)],
        };
    }

    /// <summary>A local date-time read in the event's zone, or one with an offset.</summary>
    private static DateTime ParseStart(string text, TimeZoneInfo timeZone)
    {
        var time = text[(text.IndexOf('T', StringComparison.Ordinal) + 1)..];
        if (time.EndsWith('Z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;
        }
        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a BOM is skipped.</summary>
    internal static List<string[]> ParseRecords(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = text.StartsWith('\uFEFF') ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
