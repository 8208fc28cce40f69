using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.CheckIns;

/// <summary>
/// What the door sees: counters and the people expected or already in, searchable by name or code. Codes are
/// matched here, on the server, and never listed: a door list is no bulk list of check-in codes.
/// </summary>
public sealed class DoorQueries(IDbContextFactory<MeetupDb> dbFactory)
{
    /// <summary>The title and time zone of a session staff may check people in to (published or cancelled).</summary>
    public async Task<(string Title, string TimeZone)?> SessionAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.Status != SessionStatus.Draft)
            .Select(s => new { s.Title, s.Event!.TimeZone }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Title, row.TimeZone);
    }

    public async Task<DoorCounts?> CountsAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new DoorCounts(
                s.CheckIns.Count,
                s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
                s.Rsvps.Count(r => r.Status == RsvpStatus.Waitlisted),
                s.CheckIns.Max(c => (long?)c.Id) ?? 0)
            {
                ConfirmedCheckedIn = s.CheckIns.Count(c => s.Rsvps.Any(r => r.AttendeeId == c.AttendeeId && r.Status == RsvpStatus.Confirmed)),
                WaitlistedCheckedIn = s.CheckIns.Count(c => s.Rsvps.Any(r => r.AttendeeId == c.AttendeeId && r.Status == RsvpStatus.Waitlisted)),
            })
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Everyone with an RSVP or a check-in, filtered by a name (folded as every people search is, so "ﾀﾛｳ" and "たろう"
    /// find "タロウ"), a code or the start of an email. Confirmed first, then by name.
    /// </summary>
    public async Task<IReadOnlyList<DoorPerson>> PeopleAsync(int sessionId, string? search = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rsvps = await db.Rsvps.AsNoTracking().Where(r => r.SessionId == sessionId)
            .Select(r => new { r.AttendeeId, r.Attendee!.DisplayName, r.Attendee.Email, r.Status, r.WaitlistPosition, r.CheckInCode })
            .ToListAsync(ct);
        var checks = await db.CheckIns.AsNoTracking().Where(c => c.SessionId == sessionId)
            .Select(c => new { c.AttendeeId, c.Attendee!.DisplayName, c.Attendee.Email, c.At, c.Method })
            .ToListAsync(ct);
        var checkedIn = checks.ToDictionary(c => c.AttendeeId);
        var registered = rsvps.Select(r => r.AttendeeId).ToHashSet();

        var people = rsvps.Select(r => new DoorPerson(r.AttendeeId, r.DisplayName ?? "—", Mask(r.Email), r.Status.ToSnakeCase(), r.WaitlistPosition,
                checkedIn.GetValueOrDefault(r.AttendeeId)?.At, checkedIn.GetValueOrDefault(r.AttendeeId)?.Method.ToSnakeCase()))
            .Concat(checks.Where(c => !registered.Contains(c.AttendeeId))
                .Select(c => new DoorPerson(c.AttendeeId, c.DisplayName ?? "—", Mask(c.Email), null, null, c.At, c.Method.ToSnakeCase())));

        if (PeopleSearch.Of(search) is { } typed)
        {
            var code = Shared.Links.CheckInCodes.Normalize(search!.Trim());
            var byCode = code is null ? null : rsvps.FirstOrDefault(r => r.CheckInCode == code)?.AttendeeId;
            var emails = rsvps.Select(r => (r.AttendeeId, r.Email)).Concat(checks.Select(c => (c.AttendeeId, c.Email)))
                .Where(e => e.Email is not null && e.Email.StartsWith(typed.Email, StringComparison.Ordinal))
                .Select(e => e.AttendeeId).ToHashSet();
            people = people.Where(p => typed.NameHolds(p.Name) || p.AttendeeId == byCode || emails.Contains(p.AttendeeId));
        }
        return [.. people.OrderBy(p => p.RsvpStatus == "confirmed" ? 0 : p.RsvpStatus is null ? 1 : p.RsvpStatus == "waitlisted" ? 2 : 3)
            .ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>"gao.lin@example.com" → "ga…@example.com": enough to tell two people with one name apart.</summary>
    internal static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "" : $"{email[..Math.Min(2, at)]}…{email[at..]}";
    }
}
