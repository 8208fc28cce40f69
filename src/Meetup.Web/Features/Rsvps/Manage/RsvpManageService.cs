using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Manage;

/// <summary>What the holder of a manage link can do: look, change name or language, cancel.</summary>
public sealed class RsvpManageService(
    IDbContextFactory<MeetupDb> dbFactory, SeatLock seats, Outbox outbox, PublicUrls urls, TimeProvider time,
    IStringLocalizer<Strings> l, ILogger<RsvpManageService> logger, IConfiguration config)
{
    /// <summary>How early before the start the Join button works.</summary>
    public static readonly TimeSpan JoinLead = TimeSpan.FromMinutes(15);

    public async Task<OperationResult<RsvpDetails>> GetAsync(string? token, CancellationToken ct = default)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return NotFound();
        }
        var hash = ManageTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await ManageLinkHashes.Holding(db, hash).AsNoTracking()
            .Select(r => new
            {
                Rsvp = r,
                r.Attendee!.DisplayName,
                r.Attendee.Email,
                r.Attendee.PreferredLanguage,
                Session = r.Session!,
                EventName = r.Session!.Event!.Name,
                EventSlug = r.Session.Event.Slug,
                r.Session.Event.TimeZone,
                CheckedIn = db.CheckIns.Any(c => c.SessionId == r.SessionId && c.AttendeeId == r.AttendeeId),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }
        var s = SessionView.Of(row.Session, row.EventName, row.EventSlug, row.TimeZone);
        var now = time.GetUtcNow().UtcDateTime;
        return OperationResult<RsvpDetails>.Ok(new RsvpDetails
        {
            SessionId = s.Id,
            EventName = s.EventName,
            SessionTitle = s.Title,
            SessionStatus = s.Status.ToSnakeCase(),
            StartsAt = s.StartsAt,
            EndsAt = s.EndsAt,
            TimeZone = s.TimeZone,
            Format = s.Format.ToSnakeCase(),
            VenueName = s.VenueName,
            VenueAddress = s.VenueAddress,
            CancelReason = s.CancelReason,
            Status = row.Rsvp.Status.ToSnakeCase(),
            WaitlistPosition = row.Rsvp.WaitlistPosition,
            Name = row.DisplayName ?? "",
            Email = row.Email ?? "",
            Language = row.PreferredLanguage,
            CheckInCode = row.Rsvp.Status == RsvpStatus.Cancelled ? null : row.Rsvp.CheckInCode,
            Answers = RsvpAnswers.Parse(row.Rsvp.Answers),
            CreatedAt = row.Rsvp.CreatedAt,
            CheckedIn = row.CheckedIn,
            ManageUrl = RsvpLinks.Manage(urls.Base, token!),
            SessionUrl = urls.Session(s.EventSlug, s.Id),
            HasOnlineJoin = s.HasOnlineJoin,
            RsvpOpen = RsvpRules.WhyNotOpen(s.Status, s.StartsAt, s.RsvpOpensAt, s.RsvpClosesAt, now) is null,
            CanJoin = s.HasOnlineJoin && row.Rsvp.Status == RsvpStatus.Confirmed && s.Status == SessionStatus.Published
                && now >= s.StartsAt - JoinLead && now < s.EndsAt,
        });
    }

    public async Task<OperationResult<RsvpDetails>> UpdateAsync(string? token, RsvpUpdateInput input, CancellationToken ct = default)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return NotFound();
        }
        var errors = new ValidationErrors();
        var name = input.Name is null ? null : RsvpRules.CheckName(input.Name, errors, l);
        var language = RsvpRules.CheckLanguage(input.Language, errors, l);
        if (!errors.IsEmpty)
        {
            return OperationResult<RsvpDetails>.Invalid(errors);
        }
        var hash = ManageTokens.Hash(token!);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var person = await ManageLinkHashes.Holding(db, hash).Select(r => r.Attendee).FirstOrDefaultAsync(ct);
            if (person is null)
            {
                return NotFound();
            }
            person.DisplayName = name ?? person.DisplayName;
            person.PreferredLanguage = language ?? person.PreferredLanguage;
            await db.SaveChangesAsync(ct);
            if (language is not null)
            {
                // Emails already queued (the reminder, a thank-you) but not yet written go out in the new language too.
                var culture = AppLanguages.CultureOf(language);
                await db.OutboxMessages.Where(o => o.AttendeeId == person.Id && o.Subject == null && o.SentAt == null && o.FailedAt == null && o.Culture != culture)
                    .ExecuteUpdateAsync(set => set.SetProperty(o => o.Culture, culture), ct);
            }
        }
        return await GetAsync(token, ct);
    }

    /// <summary>Cancels (idempotent); a freed seat goes to the first person waiting, who is emailed.</summary>
    public async Task<OperationResult<RsvpDetails>> CancelAsync(string? token, CancellationToken ct = default)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return NotFound();
        }
        var hash = ManageTokens.Hash(token!);
        int? sessionId;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            sessionId = await ManageLinkHashes.Holding(read, hash).Select(r => (int?)r.SessionId).FirstOrDefaultAsync(ct);
        }
        if (sessionId is null)
        {
            return NotFound();
        }
        var baseUrl = urls.Base;
        await seats.RunAsync(sessionId.Value, async (db, c) =>
        {
            var rsvp = await ManageLinkHashes.Holding(db, hash).Include(r => r.Attendee).Include(r => r.Session).FirstOrDefaultAsync(c);
            if (rsvp is null || rsvp.Status == RsvpStatus.Cancelled)
            {
                return false;
            }
            var now = time.GetUtcNow().UtcDateTime;
            // The person's own cancel, saved with it: what a late cancellation is measured by (docs/retention.md).
            rsvp.CancelledAt = now;
            await Waitlist.CancelAsync(new SeatUnit(db, outbox, baseUrl, now), rsvp, rsvp.Session!, c);
            logger.LogInformation("RSVP {RsvpId} cancelled by its holder", rsvp.Id);
            return true;
        }, ct);
        outbox.Wake();
        return await GetAsync(token, ct);
    }

    /// <summary>The session as an .ics for the holder's calendar (a cancelled RSVP or session removes it).</summary>
    public async Task<string?> CalendarAsync(string? token, CancellationToken ct = default)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ManageTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await ManageLinkHashes.Holding(db, hash).AsNoTracking()
            .Select(r => new { r.Status, Session = r.Session!, r.Session!.Event!.Name, r.Session.Event.Slug })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        return Notifications.SessionInvite.Build(row.Session, row.Name, urls.Session(row.Slug, row.Session.Id), Shared.CalendarUids.Domain(config),
            cancel: row.Status == RsvpStatus.Cancelled || row.Session.Status == SessionStatus.Cancelled, online: l["Online"]);
    }

    private OperationResult<RsvpDetails> NotFound() => OperationResult<RsvpDetails>.NotFound(l["This link is not valid (any more). Use the newest link we emailed you."]);
}
