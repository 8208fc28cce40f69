using System.Net;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Follow.FollowApiTests;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Follow;

/// <summary>
/// After stopping on the unsubscribe page there is a way back: "Follow again" leads to the event page's follow form,
/// a new request with its own emailed confirmation. The link itself never follows (docs/api.md, "Following a group").
/// </summary>
public partial class FollowAgainTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task After_unsubscribing_on_the_page_follow_again_leads_to_the_follow_form_and_only_a_new_confirmation_follows(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();
        var (_, unsubscribe) = await FollowerAsync(app, client, ev.Id, "mei@example.com");
        var page = $"/follow/{unsubscribe}/unsubscribe";
        Assert.DoesNotContain("data-link=\"follow-again\"", await client.GetStringAsync(page), StringComparison.Ordinal); // still following: the button

        var stopped = await FormPost.SubmitAsync(client, page, "follow-unsubscribe", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var html = await stopped.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"unsubscribed\"", html, StringComparison.Ordinal);
        var again = FollowAgain().Match(html);
        Assert.True(again.Success, "The unsubscribed page offers no way to follow again.");
        Assert.Equal($"/events/{ev.Slug}#follow", again.Groups["href"].Value);
        Assert.Contains("Follow again", again.Groups["text"].Value, StringComparison.Ordinal);
        Assert.Equal("unsubscribed", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);
        // The same page opened later (the email's link again) still offers it.
        Assert.Matches(FollowAgain(), await client.GetStringAsync(page));

        // It leads to the event page's follow form; opening it changes nothing.
        var form = await client.GetStringAsync(again.Groups["href"].Value.Split('#')[0]);
        Assert.Contains("id=\"follow\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Follow.Email\"", form, StringComparison.Ordinal);
        Assert.Equal("unsubscribed", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);

        // Following again is a new request: still unsubscribed, a new confirmation on its way to the inbox.
        Assert.Equal(HttpStatusCode.Accepted, (await FollowAsync(client, ev.Id, new { email = "mei@example.com" })).StatusCode);
        Assert.Equal("unsubscribed", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.SubscriptionConfirm && o.Recipient == "mei@example.com"));
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\" data-link=\"follow-again\">(?<text>[^<]*)</a>")]
    private static partial Regex FollowAgain();
}
