using Meetup.Data;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// The links in emails about following a group (<see cref="SubscriptionLink"/>): one new token per email, stored as a
/// hash (<see cref="ManageTokens"/> makes and hashes it); the token reaches only the email, through the outbox's slot
/// (<c>ManageLinkSlot</c>). A confirm link opens a page with a button; an unsubscribe link is also the RFC 8058
/// one-click URL of the List-Unsubscribe header.
/// </summary>
public static class SubscriptionLinks
{
    /// <summary>Adds a new link of the subscription to the unit of work and returns its token.</summary>
    public static string Issue(MeetupDb db, Subscription subscription, SubscriptionLinkPurpose purpose, DateTime now)
    {
        var token = ManageTokens.New();
        db.SubscriptionLinks.Add(new SubscriptionLink { Subscription = subscription, Purpose = purpose, Hash = ManageTokens.Hash(token), CreatedAt = now });
        return token;
    }

    /// <summary>The page with the "Confirm" button (a GET changes nothing: mail scanners fetch links).</summary>
    public static string Confirm(string baseUrl, string token) => $"{baseUrl}/follow/{token}";

    /// <summary>
    /// The unsubscribe URL for an email's visible link and its <c>List-Unsubscribe</c> header: a GET shows a button,
    /// a POST with the body <c>List-Unsubscribe=One-Click</c> unsubscribes at once (RFC 8058).
    /// </summary>
    public static string Unsubscribe(string baseUrl, string token) => $"{baseUrl}/unsubscribe/{token}";
}
