using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Errors;
using Meetup.Data.Locking;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using FeedbackRow = Meetup.Data.Entities.Feedback;

namespace Meetup.Web.Features.Feedback;

/// <summary>
/// The survey after a session: who may answer (a person checked in to it, at the door or by joining online), when
/// (from its start until <see cref="FeedbackRules.EditableFor"/> after its end), and once (a second answer replaces
/// the first). The manage link stands for the person; the organizer reads a session's answers summed up.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<MeetupDb> dbFactory, SeatGates gates, TimeProvider time, IStringLocalizer<Strings> l)
{
    /// <summary>The link holder's answer about the link's session; not found for an unknown link or no answer yet.</summary>
    public async Task<OperationResult<FeedbackAnswer>> GetAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await HolderAsync(db, token, ct) is not { } holder)
        {
            return LinkNotFound();
        }
        var row = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.SessionId == holder.SessionId && f.AttendeeId == holder.AttendeeId, ct);
        return row is null
            ? OperationResult<FeedbackAnswer>.NotFound(l["You have not answered the survey for this session yet."])
            : OperationResult<FeedbackAnswer>.Ok(Answer(row, holder.EndsAt));
    }

    /// <summary>
    /// Stores the link holder's answer (replacing an earlier one). <paramref name="language"/> is the code of the page
    /// it was written on; without one, the person's own language, else the request's.
    /// </summary>
    public async Task<OperationResult<FeedbackAnswer>> SaveAsync(string? token, FeedbackInput input, string? language = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(token, input, language, ct);
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsRetryable(ex))
            {
                // The same person answered twice at once (two tabs): the other one's row is there now; replace it.
            }
        }
    }

    private async Task<OperationResult<FeedbackAnswer>> SaveOnceAsync(string? token, FeedbackInput input, string? language, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await HolderAsync(db, token, ct) is not { } holder)
        {
            return LinkNotFound();
        }
        var errors = new ValidationErrors();
        if (FeedbackRules.Check(input, errors, l) is not { } values)
        {
            return OperationResult<FeedbackAnswer>.Invalid(errors);
        }
        var now = StoredNow();
        if (await WhyNotAsync(db, holder, now, ct) is { } whyNot)
        {
            return OperationResult<FeedbackAnswer>.Conflict(whyNot);
        }

        var row = await db.Feedback.FirstOrDefaultAsync(f => f.SessionId == holder.SessionId && f.AttendeeId == holder.AttendeeId, ct);
        return await StoreAsync(db, holder, row, values, language, now, ct);
    }

    /// <summary>
    /// Writes the answer (a new row, or over <paramref name="row"/>) in the language it was written in; on SQLite in
    /// its turn at the writer (<see cref="TurnTakingWrite"/>): the room answers as an announcement may be sending.
    /// </summary>
    private async Task<OperationResult<FeedbackAnswer>> StoreAsync(
        MeetupDb db, Holder holder, FeedbackRow? row, FeedbackValues values, string? language, DateTime now, CancellationToken ct)
    {
        if (row is null)
        {
            row = new FeedbackRow { SessionId = holder.SessionId, AttendeeId = holder.AttendeeId, Language = AppLanguages.Default, CreatedAt = now };
            db.Feedback.Add(row);
        }
        row.Overall = values.Overall;
        row.Understanding = values.Understanding;
        row.Pace = values.Pace;
        row.Length = values.Length;
        row.ComeNext = values.ComeNext;
        row.NextTopic = values.NextTopic;
        row.Comment = values.Comment;
        row.Language = AppLanguages.IsKnown(language) ? language!
            : AppLanguages.IsKnown(holder.Language) ? holder.Language!
            : AppLanguages.CodeOf(CultureInfo.CurrentUICulture);
        row.UpdatedAt = now;
        await TurnTakingWrite.RunAsync(db, gates, c => db.SaveChangesAsync(c), ct);
        return OperationResult<FeedbackAnswer>.Ok(Answer(row, holder.EndsAt));
    }

    /// <summary>
    /// The survey in the room (the QR code on the last slide, <c>/feedback/{sessionId}</c>): the person says who they
    /// are by check-in code or email, and must be checked in to that session. Only a first answer: one given already
    /// is changed through the emailed link, so nobody who merely knows an address can overwrite someone's answer.
    /// </summary>
    public async Task<OperationResult<FeedbackAnswer>> SaveInRoomAsync(int sessionId, string? who, FeedbackInput input, string? language, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.Status != SessionStatus.Draft)
            .Select(s => new { s.StartsAt, s.EndsAt }).FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return OperationResult<FeedbackAnswer>.NotFound(l["No session with id {0}.", sessionId]);
        }
        var errors = new ValidationErrors();
        var person = await WhoAsync(db, sessionId, who, errors, ct);
        var values = FeedbackRules.Check(input, errors, l);
        if (values is null || person is null)
        {
            return OperationResult<FeedbackAnswer>.Invalid(errors);
        }
        var now = StoredNow();
        if (FeedbackRules.WhyClosed(session.StartsAt, session.EndsAt, now, l) is { } closed)
        {
            return OperationResult<FeedbackAnswer>.Conflict(closed);
        }
        if (await db.Feedback.AnyAsync(f => f.SessionId == sessionId && f.AttendeeId == person.Value.Id, ct))
        {
            return AlreadyAnswered();
        }
        var holder = new Holder(sessionId, person.Value.Id, person.Value.Language, session.StartsAt, session.EndsAt, false);
        try
        {
            return await StoreAsync(db, holder, null, values, language, now, ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRetryable(ex))
        {
            // Sent twice at once: the first one is the answer.
            return AlreadyAnswered();
        }
    }

    /// <summary>The room survey's view: the session and whether it is open now; null for no such (public) session.</summary>
    public async Task<SurveyView?> RoomSurveyAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.Status != SessionStatus.Draft)
            .Select(s => new { s.Title, EventName = s.Event!.Name, s.Event.TimeZone, s.StartsAt, s.EndsAt }).FirstOrDefaultAsync(ct);
        return session is null ? null : new SurveyView(session.Title, session.EventName, session.StartsAt, session.EndsAt, session.TimeZone,
            FeedbackRules.EditableUntil(session.EndsAt), FeedbackRules.WhyClosed(session.StartsAt, session.EndsAt, time.GetUtcNow().UtcDateTime, l), null, false);
    }

    /// <summary>The person checked in to the session whom the check-in code or email names; else a field error on "who".</summary>
    private async Task<(int Id, string? Language)?> WhoAsync(MeetupDb db, int sessionId, string? who, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            errors.Add("who", l["Enter your check-in code or your email address."]);
            return null;
        }
        int? id = null;
        if (who.Contains('@', StringComparison.Ordinal))
        {
            var email = EmailAddress.Normalize(who);
            id = email.Length <= 320 ? await PeopleByEmail.IdAsync(db, email, ct) : null;
        }
        else if (CheckInCodes.Normalize(who) is { } code)
        {
            id = await db.Rsvps.Where(r => r.SessionId == sessionId && r.CheckInCode == code).Select(r => (int?)r.AttendeeId).FirstOrDefaultAsync(ct);
        }
        var person = id is null ? null : await db.Attendees.AsNoTracking()
            .Where(a => a.Id == id && db.CheckIns.Any(c => c.SessionId == sessionId && c.AttendeeId == a.Id))
            .Select(a => new { a.Id, a.PreferredLanguage }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            // The same words whether the address is unknown or only not checked in here.
            errors.Add("who", l["Nobody checked in to this session has this check-in code or email. Check it, or use the link in your thank-you email."]);
            return null;
        }
        return (person.Id, person.PreferredLanguage);
    }

    /// <summary>
    /// What the survey page shows for a link: the session, whether its holder may answer now (else why not), and the
    /// answer given so far. Null for a link that does not (or no longer) work.
    /// </summary>
    public async Task<SurveyView?> SurveyAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await HolderAsync(db, token, ct) is not { } holder)
        {
            return null;
        }
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == holder.SessionId)
            .Select(s => new { s.Title, EventName = s.Event!.Name, s.Event.TimeZone }).FirstAsync(ct);
        var whyNot = await WhyNotAsync(db, holder, time.GetUtcNow().UtcDateTime, ct);
        var row = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.SessionId == holder.SessionId && f.AttendeeId == holder.AttendeeId, ct);
        return new SurveyView(session.Title, session.EventName, holder.StartsAt, holder.EndsAt, session.TimeZone,
            FeedbackRules.EditableUntil(holder.EndsAt), whyNot, row is null ? null : Answer(row, holder.EndsAt), holder.Rsvp);
    }

    /// <summary>A session's answers summed up, counting only people still checked in to it.</summary>
    public async Task<OperationResult<FeedbackSummary>> SummaryAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<FeedbackSummary>.NotFound(l["No session with id {0}.", sessionId]);
        }
        var checkedIn = await db.CheckIns.CountAsync(c => c.SessionId == sessionId, ct);
        var rows = await db.Feedback.AsNoTracking()
            .Where(f => f.SessionId == sessionId && db.CheckIns.Any(c => c.SessionId == sessionId && c.AttendeeId == f.AttendeeId))
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .Select(f => new { f.Overall, f.Understanding, f.Pace, f.Length, f.ComeNext, f.NextTopic, f.Comment, f.Language })
            .ToListAsync(ct);
        return OperationResult<FeedbackSummary>.Ok(new FeedbackSummary(
            rows.Count,
            checkedIn,
            Mean(rows.Select(r => r.Overall)),
            Mean(rows.Select(r => r.Understanding)),
            new PaceCounts(rows.Count(r => r.Pace == FeedbackPace.TooSlow), rows.Count(r => r.Pace == FeedbackPace.JustRight), rows.Count(r => r.Pace == FeedbackPace.TooFast)),
            new LengthCounts(rows.Count(r => r.Length == FeedbackLength.TooShort), rows.Count(r => r.Length == FeedbackLength.JustRight), rows.Count(r => r.Length == FeedbackLength.TooLong)),
            new ComeNextCounts(rows.Count(r => r.ComeNext == FeedbackComeNext.Yes), rows.Count(r => r.ComeNext == FeedbackComeNext.Maybe), rows.Count(r => r.ComeNext == FeedbackComeNext.No)),
            [.. rows.Where(r => r.NextTopic is not null).Select(r => r.NextTopic!)],
            [.. rows.Where(r => r.Comment is not null).Select(r => r.Comment!)],
            [.. rows.Where(r => r.Comment is not null).Select(r => new FeedbackComment(r.Comment!, r.Language))]));
    }

    /// <summary>Two decimals: a mean of 1–5 answers needs no more.</summary>
    private static double? Mean(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }

    private static FeedbackAnswer Answer(FeedbackRow f, DateTime endsAt) => new(
        f.SessionId, f.Overall, f.Understanding, f.Pace.ToSnakeCase(), f.Length.ToSnakeCase(), f.ComeNext.ToSnakeCase(),
        f.NextTopic, f.Comment, f.Language, f.CreatedAt, f.UpdatedAt, FeedbackRules.EditableUntil(endsAt));

    /// <param name="Rsvp">Whether the link is a manage link (it opens an RSVP too) rather than a thank-you's survey link.</param>
    private sealed record Holder(int SessionId, int AttendeeId, string? Language, DateTime StartsAt, DateTime EndsAt, bool Rsvp);

    /// <summary>Why the link holder cannot answer now (not started, closed, not checked in), else null.</summary>
    private async Task<string?> WhyNotAsync(MeetupDb db, Holder holder, DateTime now, CancellationToken ct)
        => FeedbackRules.WhyClosed(holder.StartsAt, holder.EndsAt, now, l)
            ?? (await db.CheckIns.AnyAsync(c => c.SessionId == holder.SessionId && c.AttendeeId == holder.AttendeeId, ct)
                ? null
                : l["Only people checked in to this session can give feedback on it."].Value);

    /// <summary>
    /// Whose link it is and for which session: a manage link, else a thank-you email's survey link
    /// (<see cref="FeedbackLinks"/>). Null for a link that does not (or no longer) work.
    /// </summary>
    private static async Task<Holder?> HolderAsync(MeetupDb db, string? token, CancellationToken ct)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ManageTokens.Hash(token!);
        return await ManageLinkHashes.Holding(db, hash).AsNoTracking()
                .Select(r => new Holder(r.SessionId, r.AttendeeId, r.Attendee!.PreferredLanguage, r.Session!.StartsAt, r.Session.EndsAt, true))
                .FirstOrDefaultAsync(ct)
            ?? await db.FeedbackLinks.AsNoTracking().Where(f => f.Hash == hash)
                .Select(f => new Holder(f.SessionId, f.AttendeeId, f.Attendee!.PreferredLanguage, f.Session!.StartsAt, f.Session.EndsAt, false))
                .FirstOrDefaultAsync(ct);
    }

    /// <summary>Now, as the database keeps it (PostgreSQL keeps microseconds): the answer says what is stored.</summary>
    private DateTime StoredNow()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }

    private OperationResult<FeedbackAnswer> AlreadyAnswered()
        => OperationResult<FeedbackAnswer>.Conflict(l["You have already answered. To change your answer, use the link in your thank-you email."]);

    private OperationResult<FeedbackAnswer> LinkNotFound()
        => OperationResult<FeedbackAnswer>.NotFound(l["This link is not valid (any more). Use the newest link we emailed you."]);
}
