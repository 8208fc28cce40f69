using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Errors;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
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

        var feedback = await db.Feedback.AsNoTracking().Where(f => f.AttendeeId == personId)
            .OrderBy(f => f.Session!.StartsAt).ThenBy(f => f.SessionId)
            .Select(f => new { f.SessionId, Event = f.Session!.Event!.Name, f.Session.Title, f.Overall, f.Understanding, f.Pace, f.Length, f.ComeNext, f.NextTopic, f.Comment, f.Language, f.CreatedAt, f.UpdatedAt })
            .ToListAsync(ct);
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(x => x.AttendeeId == personId)
            .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id)
            .Select(x => new { x.EventId, Event = x.Event!.Name, x.Status, x.Language, x.CreatedAt, x.Since })
            .ToListAsync(ct);

        return OperationResult<PersonalData>.Ok(new PersonalData(
            time.GetUtcNow().UtcDateTime,
            new PersonalDetails(person.DisplayName, person.Email, person.Aliases, person.PreferredLanguage, person.CreatedAt),
            [.. rsvps.Select(r => new PersonalRsvp(
                r.SessionId, r.Event, r.Title, r.StartsAt, r.Status.ToSnakeCase(), r.WaitlistPosition, r.CheckInCode,
                [.. RsvpAnswers.Parse(r.Answers).Select(a => new PersonalAnswer(a.Prompt, a.Answer))],
                r.CreatedAt, r.UpdatedAt))],
            checkIns,
            [.. emails.Select(e => new PersonalEmail(e.Kind.ToSnakeCase(), e.Recipient, e.Subject, e.CreatedAt, e.SentAt))],
            [.. feedback.Select(f => new PersonalFeedback(
                f.SessionId, f.Event, f.Title, f.Overall, f.Understanding, f.Pace.ToSnakeCase(), f.Length.ToSnakeCase(), f.ComeNext.ToSnakeCase(),
                f.NextTopic, f.Comment, f.Language, f.CreatedAt, f.UpdatedAt))],
            [.. subscriptions.Select(x => new PersonalSubscription(x.EventId, x.Event, x.Status.ToSnakeCase(), x.Language, x.CreatedAt, x.Since))]));
    }

    /// <summary>
    /// Erases the person for good: their upcoming RSVPs are cancelled first (each in its <see cref="SeatLock"/>; seats
    /// go to the waitlist; no email to them), then in one <see cref="PeopleLock"/> transaction their name, email,
    /// language, other addresses, answers, survey texts, manage links and follows go, emails not yet sent are dropped and sent
    /// ones blanked. Check-ins and survey numbers stay, anonymous, so the figures stay true. Should an RSVP of theirs
    /// arrive between the two steps, the transaction is abandoned and both steps run again. Until the transaction
    /// commits the link keeps working, so a failure anywhere leaves the holder able to try again.
    /// </summary>
    public Task<OperationResult<ErasureResult>> EraseAsync(string? token, CancellationToken ct = default)
        => EraseAsync((db, c) => PersonAsync(db, token, c), "the person", ct);

    /// <summary>The same, asked of an organizer (a request by email, say): by the person's id.</summary>
    public async Task<OperationResult<ErasureResult>> EraseByOrganizerAsync(int attendeeId, CancellationToken ct = default)
    {
        var result = await EraseAsync(async (db, c) => await db.Attendees.AnyAsync(a => a.Id == attendeeId && a.ErasedAt == null, c) ? attendeeId : null, "an organizer", ct);
        return result.Status == OperationStatus.NotFound
            ? OperationResult<ErasureResult>.NotFound(l["No person with id {0}, or their data is already erased.", attendeeId])
            : result;
    }

    /// <param name="who">Resolves the person (null: nobody, or already erased); asked again under the lock.</param>
    private async Task<OperationResult<ErasureResult>> EraseAsync(Func<MeetupDb, CancellationToken, Task<int?>> who, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cancelled = 0;
        try
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await using (var read = await dbFactory.CreateDbContextAsync(ct))
                {
                    if (await who(read, ct) is not { } personId)
                    {
                        return NotFound<ErasureResult>();
                    }
                    foreach (var (rsvpId, sessionId) in await UpcomingAsync(read, personId, now, ct))
                    {
                        cancelled += await CancelAsync(rsvpId, sessionId, now, ct) ? 1 : 0;
                    }
                }
                if (await EraseLockedAsync(who, now, ct) is { } erased)
                {
                    outbox.Wake(); // the promotions
                    logger.LogInformation("Person {AttendeeId} erased by {By}; {Cancelled} upcoming RSVPs cancelled", erased, by, cancelled);
                    return OperationResult<ErasureResult>.Ok(new ErasureResult(now, cancelled));
                }
            }
        }
        catch (Exception ex) when (DbErrors.IsStoreFailure(ex))
        {
            logger.LogWarning(ex, "Erasure by {By} failed; nothing of the person was erased", by);
        }
        return OperationResult<ErasureResult>.Conflict(l["The data could not be erased just now; nothing was lost. Please try again in a moment."]);
    }

    /// <summary>The second step, in the lock. Null (and nothing written) when the person changed or an upcoming RSVP arrived.</summary>
    private async Task<int?> EraseLockedAsync(Func<MeetupDb, CancellationToken, Task<int?>> who, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await who(db, ct) is not { } personId)
        {
            return null;
        }
        await using var tx = await PeopleLock.BeginAsync(db, [personId], ct);
        if (await who(db, ct) != personId || (await UpcomingAsync(db, personId, now, ct)).Count > 0)
        {
            return null;
        }
        var people = await db.Attendees.Where(a => a.Id == personId).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Email, (string?)null)
            .SetProperty(a => a.DisplayName, (string?)null)
            .SetProperty(a => a.SearchName, (string?)null)
            .SetProperty(a => a.PreferredLanguage, (string?)null)
            .SetProperty(a => a.ErasedAt, now), ct);
        if (people != 1)
        {
            throw new ConcurrentChangeException($"Person {personId} went during the erasure.");
        }
        await db.AttendeeAliases.Where(x => x.AttendeeId == personId).ExecuteDeleteAsync(ct);
        await db.Rsvps.Where(r => r.AttendeeId == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Answers, (string?)null), ct);
        // Their survey answers keep the numbers (anonymous, like check-ins); what they wrote goes.
        await db.Feedback.Where(f => f.AttendeeId == personId).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.NextTopic, (string?)null)
            .SetProperty(f => f.Comment, (string?)null), ct);
        await db.RsvpManageTokens.Where(t => t.Rsvp!.AttendeeId == personId).ExecuteDeleteAsync(ct);
        await db.FeedbackLinks.Where(t => t.AttendeeId == personId).ExecuteDeleteAsync(ct);
        // What they followed goes whole (its links with it): an erased person is nobody's follower.
        await db.SubscriptionLinks.Where(t => t.Subscription!.AttendeeId == personId).ExecuteDeleteAsync(ct);
        await db.Subscriptions.Where(x => x.AttendeeId == personId).ExecuteDeleteAsync(ct);
        var theirs = db.OutboxMessages.Where(o => o.AttendeeId == personId);
        await Outbox.DropPendingAsync(theirs, ct);
        await Outbox.BlankAsync(theirs, ct);
        await tx.CommitAsync(ct);
        return personId;
    }

    private static async Task<List<(int RsvpId, int SessionId)>> UpcomingAsync(MeetupDb db, int personId, DateTime now, CancellationToken ct)
        => [.. (await db.Rsvps.AsNoTracking()
            .Where(r => r.AttendeeId == personId && r.Status != RsvpStatus.Cancelled && r.Session!.StartsAt > now)
            .Select(r => new { r.Id, r.SessionId }).ToListAsync(ct)).Select(r => (r.Id, r.SessionId))];

    private Task<bool> CancelAsync(int rsvpId, int sessionId, DateTime now, CancellationToken ct)
    {
        var baseUrl = urls.Base;
        return seats.RunAsync(sessionId, async (db, c) =>
        {
            var rsvp = await db.Rsvps.Include(r => r.Attendee).Include(r => r.Session).FirstOrDefaultAsync(r => r.Id == rsvpId, c);
            if (rsvp is null || rsvp.Status == RsvpStatus.Cancelled)
            {
                return false;
            }
            await Waitlist.CancelAsync(new SeatUnit(db, outbox, baseUrl, now), rsvp, rsvp.Session!, c, tellHolder: false);
            return true;
        }, ct);
    }

    /// <summary>The person the manage link belongs to, or null for a link that does not (or no longer) work.</summary>
    private static async Task<int?> PersonAsync(MeetupDb db, string? token, CancellationToken ct)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ManageTokens.Hash(token!);
        return await ManageLinkHashes.Holding(db, hash).Select(r => (int?)r.AttendeeId).FirstOrDefaultAsync(ct);
    }

    private OperationResult<T> NotFound<T>() => OperationResult<T>.NotFound(l["This link is not valid (any more). Use the newest link we emailed you."]);
}
