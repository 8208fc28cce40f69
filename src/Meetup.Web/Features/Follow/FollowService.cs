using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Errors;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Follow;

/// <summary>
/// Following a study group, double opt-in: a request only emails a confirmation link (nobody follows until they use
/// it), and answers the same whatever the address's state; a link confirms or unsubscribes at once. An unsubscribe
/// stays until the person confirms a new request themselves.
/// </summary>
public sealed class FollowService(
    IDbContextFactory<MeetupDb> dbFactory, Outbox outbox, PublicUrls urls, TimeProvider time, IStringLocalizer<Strings> l)
{
    private const int Attempts = 3;

    /// <summary>
    /// How long a confirmation link confirms. Long enough for a holiday's unread inbox; short enough that an old
    /// email found later (or by someone else) does not sign its address up. An expired link's page offers a new one.
    /// </summary>
    public static readonly TimeSpan ConfirmLinkLifetime = TimeSpan.FromDays(14);

    public async Task<OperationResult<FollowAccepted>> RequestAsync(int eventId, FollowInput input, CancellationToken ct = default)
    {
        var checkedInput = FollowRules.Check(input, l);
        if (!checkedInput.Succeeded)
        {
            return OperationResult<FollowAccepted>.Invalid(checkedInput.Errors);
        }
        var fields = checkedInput.Value!;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
                {
                    return OperationResult<FollowAccepted>.NotFound("No such event.");
                }
                await RequestAsync(db, eventId, fields, ct);
                break;
            }
            catch (DbUpdateException ex) when (attempt < Attempts && DbErrors.IsRetryable(ex))
            {
                // Two requests for a new address (or a new follow) at once: the second finds the first's rows.
            }
        }
        outbox.Wake();
        return OperationResult<FollowAccepted>.Ok(new FollowAccepted(
            "If this address can follow the group, a confirmation link is on its way to it. Nothing changes until it is used."));
    }

    private async Task RequestAsync(MeetupDb db, int eventId, FollowFields fields, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var person = await PeopleByEmail.FindAsync(db, fields.Email, ct);
        if (person is null)
        {
            // A known person's name is theirs: a request naming them otherwise changes nothing.
            person = new Attendee
            {
                Email = fields.Email,
                DisplayName = fields.Name ?? fields.Email[..fields.Email.IndexOf('@', StringComparison.Ordinal)],
                PreferredLanguage = fields.Language,
                CreatedAt = now,
            };
            db.Attendees.Add(person);
        }
        var subscription = person.Id == 0 ? null
            : await db.Subscriptions.FirstOrDefaultAsync(s => s.EventId == eventId && s.AttendeeId == person.Id, ct);
        if (subscription?.Status == SubscriptionStatus.Active)
        {
            return; // already following: nothing to confirm, and the answer says nothing about it
        }
        if (subscription is null)
        {
            subscription = new Subscription
            {
                EventId = eventId,
                Attendee = person,
                Status = SubscriptionStatus.Pending,
                CreatedAt = now,
                Since = now,
            };
            db.Subscriptions.Add(subscription);
        }
        subscription.Language = fields.Language ?? subscription.Language ?? person.PreferredLanguage;
        var token = SubscriptionLinks.Issue(db, subscription, SubscriptionLinkPurpose.Confirm, now);
        await db.SaveChangesAsync(ct); // the subscription's id names the email
        outbox.Add(db, new Notice(NotificationKind.SubscriptionConfirm, $"follow-confirm:{subscription.Id}:{ManageTokens.Hash(token)[..16]}",
            person.Email!, subscription.Language, now)
        {
            AttendeeId = person.Id,
            ManageToken = token,
            Payload = new NotificationPayload { BaseUrl = urls.Base, SubscriptionId = subscription.Id },
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a link's page shows (it changes nothing); null for an unknown link.</summary>
    public async Task<FollowLinkView?> LinkAsync(string token, CancellationToken ct = default)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ManageTokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.SubscriptionLinks.AsNoTracking()
            .Where(x => x.Hash == hash && x.Subscription!.Attendee!.ErasedAt == null)
            .Select(x => new { x.Subscription!.Event!.Name, x.Subscription.Event.Slug, x.Subscription.Status, x.Purpose, x.CreatedAt })
            .FirstOrDefaultAsync(ct);
        return link is null ? null : new FollowLinkView(link.Name, link.Slug, link.Status, link.Purpose == SubscriptionLinkPurpose.Confirm,
            link.Purpose == SubscriptionLinkPurpose.Confirm && link.Status != SubscriptionStatus.Active && IsExpired(link.CreatedAt));
    }

    /// <summary>Confirms the follow a confirmation link asks for (again: no change). Unknown links are not found.</summary>
    public Task<OperationResult<SubscriptionState>> ConfirmAsync(string token, CancellationToken ct = default)
        => ChangeAsync(token, SubscriptionStatus.Active, confirmLinkOnly: true, ct);

    /// <summary>Stops the follow at once; any of the subscription's links may do it.</summary>
    public Task<OperationResult<SubscriptionState>> UnsubscribeAsync(string token, CancellationToken ct = default)
        => ChangeAsync(token, SubscriptionStatus.Unsubscribed, confirmLinkOnly: false, ct);

    private async Task<OperationResult<SubscriptionState>> ChangeAsync(string token, SubscriptionStatus to, bool confirmLinkOnly, CancellationToken ct)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return OperationResult<SubscriptionState>.NotFound("No such link.");
        }
        var hash = ManageTokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.SubscriptionLinks.Where(x => x.Hash == hash)
            .Select(x => new { x.Purpose, x.CreatedAt, x.Subscription, EventName = x.Subscription!.Event!.Name, Erased = x.Subscription.Attendee!.ErasedAt != null })
            .FirstOrDefaultAsync(ct);
        if (link?.Subscription is not { } subscription || link.Erased || (confirmLinkOnly && link.Purpose != SubscriptionLinkPurpose.Confirm))
        {
            return OperationResult<SubscriptionState>.NotFound("No such link.");
        }
        if (to == SubscriptionStatus.Active && subscription.Status != to && IsExpired(link.CreatedAt))
        {
            return OperationResult<SubscriptionState>.Conflict("This confirmation link has expired; ask to follow again from the event page.");
        }
        if (subscription.Status != to)
        {
            var now = time.GetUtcNow().UtcDateTime;
            subscription.Status = to;
            subscription.Since = now;
            // The exact history behind "followers at each session's start": the latest period of following.
            if (to == SubscriptionStatus.Active)
            {
                (subscription.ConfirmedAt, subscription.UnsubscribedAt) = (now, null);
            }
            else if (to == SubscriptionStatus.Unsubscribed)
            {
                subscription.UnsubscribedAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        return OperationResult<SubscriptionState>.Ok(new SubscriptionState(subscription.EventId, link.EventName, to.ToSnakeCase()));
    }

    private bool IsExpired(DateTime createdAt) => createdAt + ConfirmLinkLifetime < time.GetUtcNow().UtcDateTime;

    /// <summary>Everyone who asked to follow the group, pending, active or unsubscribed, newest change first.</summary>
    public async Task<OperationResult<IReadOnlyList<SubscriberResource>>> SubscribersAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return OperationResult<IReadOnlyList<SubscriberResource>>.NotFound("No such event.");
        }
        var rows = await db.Subscriptions.AsNoTracking().Where(s => s.EventId == eventId)
            .OrderByDescending(s => s.Since).ThenBy(s => s.Id)
            .Select(s => new { s.AttendeeId, s.Attendee!.DisplayName, s.Attendee.Email, s.Language, s.Status, s.Since })
            .ToListAsync(ct);
        return OperationResult<IReadOnlyList<SubscriberResource>>.Ok(
            [.. rows.Select(r => new SubscriberResource(r.AttendeeId, r.DisplayName, r.Email, r.Language, r.Status.ToSnakeCase(), r.Since))]);
    }
}
