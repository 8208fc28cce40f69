using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Sessions;

/// <summary>"Schedule next" and "Repeat…": draft copies of a session at the event's cadence, agenda skeleton included.</summary>
public sealed class SessionScheduling(IDbContextFactory<MeetupDb> dbFactory, SessionService sessions, TimeProvider time, IStringLocalizer<Strings> l)
{
    public const int MaxRepeat = 26;

    public async Task<OperationResult<SessionResource>> ScheduleNextAsync(int sessionId, CancellationToken ct = default)
    {
        var created = await RepeatAsync(sessionId, 1, ct);
        return created.Succeeded ? await sessions.GetAsync(created.Value![0], ct) : Forward<SessionResource>(created);
    }

    /// <summary>
    /// Creates <paramref name="count"/> drafts, one cadence apart, the first on the given session's first cadence date after
    /// now (its next one, or for an old session the next still ahead; same local weekday and time); returns their ids.
    /// </summary>
    public async Task<OperationResult<IReadOnlyList<int>>> RepeatAsync(int sessionId, int count, CancellationToken ct = default)
    {
        if (count is < 1 or > MaxRepeat)
        {
            return OperationResult<IReadOnlyList<int>>.Invalid("count", l["Repeat between 1 and {0} times.", MaxRepeat]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Sessions.AsNoTracking().Include(s => s.Event).Include(s => s.AgendaItems)
            .FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (source is null)
        {
            return OperationResult<IReadOnlyList<int>>.NotFound(l["No session with id {0}.", sessionId]);
        }
        var zone = TimeZones.Find(source.Event!.TimeZone);
        var days = 7 * source.Event.CadenceWeeks;
        var now = time.GetUtcNow().UtcDateTime;
        // The last copy must start within InstantBounds (checked before the arithmetic, which overflows near year 9999).
        // Copying an old session must not make drafts in the past: cadence dates gone by are skipped (the numbering is
        // of sessions, so the first copy is still "#n+1").
        var latest = InstantBounds.Latest(now);
        var first = source.StartsAt > latest ? 1 : StepsToFirstAfter(source.StartsAt, zone, days, now);
        if (source.StartsAt > latest || (latest - source.StartsAt).TotalDays < (double)days * (first - 1 + count) + 1)
        {
            return OperationResult<IReadOnlyList<int>>.Invalid(count > 1 ? "count" : "startsAt",
                l["The copies would start after {0:yyyy-MM-dd}, the latest date a session may have.", latest]);
        }
        var copies = new List<Session>(count);
        for (var i = 1; i <= count; i++)
        {
            copies.Add(Copy(source, zone, days * (first - 1 + i), NextTitle(source.Title, i), now));
        }
        db.Sessions.AddRange(copies);
        await db.SaveChangesAsync(ct);
        return OperationResult<IReadOnlyList<int>>.Ok([.. copies.Select(c => c.Id)]);
    }

    /// <summary>The smallest k ≥ 1 with the start k cadences on (local weekday and time kept) after now.</summary>
    private static int StepsToFirstAfter(DateTime start, TimeZoneInfo zone, int days, DateTime now)
    {
        // Whole cadences already gone by, then on until the shifted start is ahead (daylight saving moves it an hour at most).
        var k = now <= start ? 1 : Math.Max(1, (int)Math.Floor((now - start).TotalDays / days));
        while (Cadence.Shift(start, zone, days * k) <= now)
        {
            k++;
        }
        return k;
    }

    private static Session Copy(Session source, TimeZoneInfo zone, int days, string title, DateTime now)
    {
        var start = Cadence.Shift(source.StartsAt, zone, days);
        return new Session
        {
            EventId = source.EventId,
            Title = title,
            Description = source.Description,
            StartsAt = start,
            EndsAt = start + (source.EndsAt - source.StartsAt),
            Format = source.Format,
            VenueName = source.VenueName,
            VenueAddress = source.VenueAddress,
            OnlineUrl = source.OnlineUrl,
            Capacity = source.Capacity,
            Languages = [.. source.Languages],
            // The window keeps its place before the start in local days and wall-clock time ("opens Monday 12:00,
            // a week ahead"), as the start itself does; the editor says when that is, so nobody is surprised.
            RsvpOpensAt = source.RsvpOpensAt is { } o ? Cadence.Shift(o, zone, days) : null,
            RsvpClosesAt = source.RsvpClosesAt is { } c ? Cadence.Shift(c, zone, days) : null,
            Status = SessionStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            // The skeleton: the same shape (review, talk, Q&A…), speakers to be chosen.
            AgendaItems = [.. source.AgendaItems.OrderBy(a => a.Position).Select(a => new AgendaItem
            {
                Position = a.Position, Title = a.Title, Kind = a.Kind, DurationMinutes = a.DurationMinutes,
            })],
        };
    }

    /// <summary>
    /// For a draft: the event's session just before it (what "Schedule next" copied) with the title and description a copy
    /// carries, so the editor can ask for them to be replaced while they are still the copied ones. Null otherwise.
    /// </summary>
    public async Task<RepeatedFrom?> RepeatedFromAsync(int draftId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Sessions.AsNoTracking().Where(s => s.Id == draftId && s.Status == SessionStatus.Draft)
            .Select(s => new { s.EventId, s.StartsAt }).FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            return null;
        }
        var previous = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == draft.EventId && s.StartsAt < draft.StartsAt)
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.Description, s.StartsAt }).FirstOrDefaultAsync(ct);
        return previous is null ? null : new RepeatedFrom(previous.Id, previous.Title, previous.StartsAt, previous.Description);
    }

    /// <summary>"Kubernetes 入門 #3" → "Kubernetes 入門 #4"; other titles stay as they are.</summary>
    public static string NextTitle(string title, int step)
    {
        var hash = title.LastIndexOf('#');
        if (hash >= 0 && int.TryParse(title.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return string.Concat(title.AsSpan(0, hash + 1), (n + step).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return title;
    }

    private static OperationResult<T> Forward<T>(OperationResult<IReadOnlyList<int>> failed) => failed.Status switch
    {
        OperationStatus.Invalid => OperationResult<T>.Invalid(failed.Errors),
        OperationStatus.NotFound => OperationResult<T>.NotFound(failed.Detail),
        _ => OperationResult<T>.Conflict(failed.Detail ?? ""),
    };
}

/// <summary>The session a draft follows; <see cref="Copied(string?)"/>/<see cref="CopiedDescription(string?)"/> tell whether a value is still its copy.</summary>
public sealed record RepeatedFrom(int Id, string Title, DateTime StartsAt, string Description)
{
    public bool Copied(string? title) => title?.Trim() is { Length: > 0 } t
        && (t == Title || t == SessionScheduling.NextTitle(Title, 1));

    public bool CopiedDescription(string? description) => Description.Length > 0 && description?.Trim() == Description;
}
