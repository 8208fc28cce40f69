using Meetup.Data;
using Meetup.Data.Bulk;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// An RSVP's live manage links, kept as hashes (<see cref="RsvpManageToken"/>). Sending the link again adds one
/// and never stops a link the person holds, so whoever knows an email cannot kill that person's link; only the
/// newest <see cref="Kept"/> stay (re-sends are also spaced by <c>LinkResend.Interval</c>). An RSVP made again
/// after cancelling starts afresh with one link; erasure deletes them all.
/// </summary>
internal static class ManageLinkHashes
{
    public const int Kept = 5;

    /// <summary>The RSVP a token opens (at most one: hashes are unique). Starts from the hash's index, not from the RSVPs.</summary>
    public static IQueryable<Rsvp> Holding(MeetupDb db, string hash)
        => db.Rsvps.Where(r => db.RsvpManageTokens.Where(t => t.Hash == hash).Select(t => t.RsvpId).Contains(r.Id));

    /// <summary>Adds a link to the unit of work, dropping the oldest beyond <see cref="Kept"/>.</summary>
    public static async Task AddAsync(MeetupDb db, int rsvpId, string token, DateTime now, CancellationToken ct)
    {
        var beyond = await db.RsvpManageTokens.Where(t => t.RsvpId == rsvpId)
            .OrderByDescending(t => t.Id).Skip(Kept - 1).Select(t => t.Id).ToListAsync(ct);
        if (beyond.Count > 0)
        {
            await db.RsvpManageTokens.Where(t => beyond.Contains(t.Id)).ExecuteDeleteAsync(ct);
        }
        db.RsvpManageTokens.Add(New(rsvpId, token, now));
    }

    /// <summary>RSVPs made active again after a cancel: the links of their past stop.</summary>
    public static Task<int> ForgetAsync(MeetupDb db, IReadOnlyCollection<int> rsvpIds, CancellationToken ct)
        => db.RsvpManageTokens.Where(t => rsvpIds.Contains(t.RsvpId)).ExecuteDeleteAsync(ct);

    public static RsvpManageToken New(int rsvpId, string token, DateTime now)
        => new() { RsvpId = rsvpId, Hash = ManageTokens.Hash(token), CreatedAt = now };

    /// <summary>A multi-row INSERT of new links (a batch of RSVPs).</summary>
    public static BulkInsert<RsvpManageToken> Insert(MeetupDb db, int? rowsPerStatement) => new(db, typeof(RsvpManageToken),
        [
            (nameof(RsvpManageToken.RsvpId), t => t.RsvpId),
            (nameof(RsvpManageToken.Hash), t => t.Hash),
            (nameof(RsvpManageToken.CreatedAt), t => t.CreatedAt),
        ],
        rowsPerStatement: rowsPerStatement);

    /// <summary>The hash of the RSVP's newest link (null when it has none), which marks its activation in dedupe keys.</summary>
    public static Task<string?> NewestAsync(MeetupDb db, int rsvpId, CancellationToken ct)
        => db.RsvpManageTokens.Where(t => t.RsvpId == rsvpId).OrderByDescending(t => t.Id).Select(t => t.Hash).FirstOrDefaultAsync(ct);
}
