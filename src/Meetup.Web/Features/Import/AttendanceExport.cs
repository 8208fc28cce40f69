using System.Globalization;
using CsvHelper;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import;

/// <summary>
/// An event's history in the import format: one row per (session, person) with an RSVP or a
/// check-in, so that importing it into another event gives the same retention report. Drafts are
/// left out (they were never held); sessions nobody RSVPed to or attended have no row to carry them.
/// </summary>
public sealed class AttendanceExport(IDbContextFactory<MeetupDb> dbFactory)
{
    /// <summary>Reads the history (a few queries, none per session or person); null when there is no such event.</summary>
    public async Task<AttendanceHistory?> LoadAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zoneId = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.TimeZone).FirstOrDefaultAsync(ct);
        if (zoneId is null)
        {
            return null;
        }

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId && s.Status != SessionStatus.Draft)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new HistorySession(s.Id, s.StartsAt, s.Title, s.Format, s.Languages, s.Status))
            .ToListAsync(ct);
        var rsvps = await db.Rsvps.AsNoTracking().Where(r => r.Session!.EventId == eventId)
            .Select(r => new { r.SessionId, r.AttendeeId, r.Status, r.WaitlistPosition })
            .ToDictionaryAsync(r => (r.SessionId, r.AttendeeId), r => (r.Status, r.WaitlistPosition), ct);
        var checkIns = new HashSet<(int, int)>();
        await foreach (var c in db.CheckIns.AsNoTracking().Where(c => c.Session!.EventId == eventId)
            .Select(c => new { c.SessionId, c.AttendeeId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkIns.Add((c.SessionId, c.AttendeeId));
        }
        var people = await db.Attendees.AsNoTracking()
            .Where(a => a.Rsvps.Any(r => r.Session!.EventId == eventId) || a.CheckIns.Any(c => c.Session!.EventId == eventId))
            .ToDictionaryAsync(a => a.Id, a => (a.Email, a.DisplayName), ct);
        return new AttendanceHistory(TimeZones.Find(zoneId), sessions, rsvps, checkIns, people);
    }

    public static async Task WriteCsvAsync(AttendanceHistory history, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(output);
        var pairsBySession = history.Rsvps.Keys.Concat(history.CheckIns).Distinct().ToLookup(p => p.SessionId, p => p.AttendeeId);
        await using var csv = CsvWriter.Create(output, SpreadsheetText.WriterOptions, leaveOpen: true);
        foreach (var field in ImportFields.All)
        {
            csv.WriteField(field);
        }
        await csv.EndRecordAsync(ct);
        foreach (var session in history.Sessions)
        {
            var start = StartText(session.StartsAt, history.TimeZone);
            var languages = string.Join(' ', session.Languages);
            var status = session.Status == SessionStatus.Cancelled ? "cancelled" : "held";
            // Waitlisted people last, in waitlist order, so that an import numbers them the same.
            var attendeeIds = pairsBySession[session.Id]
                .OrderBy(a => history.Rsvps.TryGetValue((session.Id, a), out var r) ? r.WaitlistPosition ?? 0 : 0)
                .ThenBy(a => a);
            foreach (var attendeeId in attendeeIds)
            {
                var hasPerson = history.People.TryGetValue(attendeeId, out var person);
                csv.WriteField(start);
                csv.WriteField(session.Title);
                csv.WriteField(session.Format.ToSnakeCase());
                csv.WriteField(languages);
                csv.WriteField(status);
                csv.WriteField(hasPerson && person.Email is not null ? person.Email : ErasedPeople.Placeholder(attendeeId));
                csv.WriteField(person.DisplayName ?? "");
                csv.WriteField(history.Rsvps.TryGetValue((session.Id, attendeeId), out var rsvp) ? rsvp.Status.ToSnakeCase() : "none");
                csv.WriteField(history.CheckIns.Contains((session.Id, attendeeId)) ? "yes" : "no");
                await csv.EndRecordAsync(ct);
            }
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>Local time in the event's zone with its offset (<c>2018-09-02T14:00+09:00</c>): readable, and exact in any zone.</summary>
    internal static string StartText(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
        var format = local.Second == 0 && local.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mmzzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }
}

/// <summary>What an export writes, read in full before the first byte goes out (so a missing event is a clean 404).</summary>
public sealed record AttendanceHistory(
    TimeZoneInfo TimeZone,
    IReadOnlyList<HistorySession> Sessions,
    IReadOnlyDictionary<(int SessionId, int AttendeeId), (RsvpStatus Status, int? WaitlistPosition)> Rsvps,
    IReadOnlySet<(int SessionId, int AttendeeId)> CheckIns,
    IReadOnlyDictionary<int, (string? Email, string? DisplayName)> People);

public sealed record HistorySession(int Id, DateTime StartsAt, string Title, SessionFormat Format, List<string> Languages, SessionStatus Status);
