using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Privacy;

/// <summary>
/// What the holder of a manage link can do with the data held about them: take it with them, or erase it.
/// The link stands for the person (attendees have no account), so either acts on the person, across events.
/// </summary>
public sealed class PersonalDataService(
    IDbContextFactory<MeetupDb> dbFactory, SeatLock seats, Outbox outbox, PublicUrls urls, TimeProvider time,
    IStringLocalizer<Strings> l, ILogger<PersonalDataService> logger)
{
    public async Task<OperationResult<PersonalData>> ExportAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await PersonAsync(db, token, ct) is not { } personId)
        {
            return NotFound<PersonalData>();
        }
        var person = await db.Attendees.AsNoTracking().Where(a => a.Id == personId)
            .Select(a => new { a.DisplayName, a.Email, a.PreferredLanguage, a.CreatedAt, Aliases = a.Aliases.OrderBy(x => x.Email).Select(x => x.Email).ToList() })
            .FirstAsync(ct);
        var rsvps = await db.Rsvps.AsNoTracking().Where(r => r.AttendeeId == personId)
            .OrderBy(r => r.Session!.StartsAt).ThenBy(r => r.SessionId)
            .Select(r => new { r.SessionId, Event = r.Session!.Event!.Name, r.Session.Title, r.Session.StartsAt, r.Status, r.WaitlistPosition, r.CheckInCode, r.Answers, r.CreatedAt, r.UpdatedAt })
            .ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.AttendeeId == personId)
            .OrderBy(c => c.At).ThenBy(c => c.SessionId)
            .Select(c => new PersonalCheckIn(c.SessionId, c.Session!.Event!.Name, c.Session.Title, c.At, c.Method.ToSnakeCase()))
            .ToListAsync(ct);
        var emails = await db.OutboxMessages.AsNoTracking().Where(o => o.AttendeeId == personId)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new { o.Kind, o.Recipient, o.Subject, o.CreatedAt, o.SentAt })
            .ToListAsync(ct);

        return OperationResult<PersonalData>.Ok(new PersonalData(
            time.GetUtcNow().UtcDateTime,
            new PersonalDetails(person.DisplayName, person.Email, person.Aliases, person.PreferredLanguage, person.CreatedAt),
            [.. rsvps.Select(r => new PersonalRsvp(
                r.SessionId, r.Event, r.Title, r.StartsAt, r.Status.ToSnakeCase(), r.WaitlistPosition, r.CheckInCode,
                [.. RsvpManageService.ParseAnswers(r.Answers).Select(a => new PersonalAnswer(a.Prompt, a.Answer))],
                r.CreatedAt, r.UpdatedAt))],
            checkIns,
            [.. emails.Select(e => new PersonalEmail(e.Kind.ToSnakeCase(), e.Recipient, e.Subject, e.CreatedAt, e.SentAt))]));
    }

    /// <summary>
    /// Erases the person for good: their upcoming RSVPs are cancelled first (seats go to the waitlist; no email to
    /// them), then in one transaction their name, email, language, other addresses, answers and manage links go,
    /// emails not yet sent are dropped and sent ones blanked. Check-ins stay, anonymous, so the figures stay true.
    /// A failure before the transaction leaves the link working, so the holder can simply try again.
    /// </summary>
    public async Task<OperationResult<ErasureResult>> EraseAsync(string? token, CancellationToken ct = default)
    {
        int personId;
        List<(int RsvpId, int SessionId)> upcoming;
        var now = time.GetUtcNow().UtcDateTime;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await PersonAsync(read, token, ct) is not { } id)
            {
                return NotFound<ErasureResult>();
            }
            personId = id;
            upcoming = [.. (await read.Rsvps.AsNoTracking()
                .Where(r => r.AttendeeId == personId && r.Status != RsvpStatus.Cancelled && r.Session!.StartsAt > now)
                .Select(r => new { r.Id, r.SessionId }).ToListAsync(ct)).Select(r => (r.Id, r.SessionId))];
        }

        var cancelled = 0;
        var baseUrl = urls.Base;
        foreach (var (rsvpId, sessionId) in upcoming)
        {
            if (await seats.RunAsync(sessionId, async (db, c) =>
            {
                var rsvp = await db.Rsvps.Include(r => r.Attendee).Include(r => r.Session).FirstOrDefaultAsync(r => r.Id == rsvpId, c);
                if (rsvp is null || rsvp.Status == RsvpStatus.Cancelled)
                {
                    return false;
                }
                await Waitlist.CancelAsync(db, rsvp, rsvp.Session!, outbox, baseUrl, now, c, tellHolder: false);
                return true;
            }, ct))
            {
                cancelled++;
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await PeopleLock.BeginAsync(db, [personId], ct);
            await db.Attendees.Where(a => a.Id == personId).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Email, (string?)null)
                .SetProperty(a => a.DisplayName, (string?)null)
                .SetProperty(a => a.PreferredLanguage, (string?)null)
                .SetProperty(a => a.ErasedAt, now), ct);
            await db.AttendeeAliases.Where(x => x.AttendeeId == personId).ExecuteDeleteAsync(ct);
            await db.Rsvps.Where(r => r.AttendeeId == personId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Answers, (string?)null)
                .SetProperty(r => r.ManageTokenHash, (string?)null), ct);
            var theirs = db.OutboxMessages.Where(o => o.AttendeeId == personId);
            await Outbox.DropPendingAsync(db, theirs, ct);
            await Outbox.BlankAsync(theirs, ct);
            await tx.CommitAsync(ct);
        }
        outbox.Wake(); // the promotions
        logger.LogInformation("Person {AttendeeId} erased their data; {Cancelled} upcoming RSVPs cancelled", personId, cancelled);
        return OperationResult<ErasureResult>.Ok(new ErasureResult(now, cancelled));
    }

    /// <summary>The person the manage link belongs to, or null for a link that does not (or no longer) work.</summary>
    private static async Task<int?> PersonAsync(MeetupDb db, string? token, CancellationToken ct)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ManageTokens.Hash(token!);
        return await db.Rsvps.Where(r => r.ManageTokenHash == hash).Select(r => (int?)r.AttendeeId).FirstOrDefaultAsync(ct);
    }

    private OperationResult<T> NotFound<T>() => OperationResult<T>.NotFound(l["This link is not valid (any more). Use the newest link we emailed you."]);
}
