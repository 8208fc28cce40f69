using System.Net;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Follow;

/// <summary>
/// "Tell me about new sessions" on the event page: a static form (no JavaScript) on a page whose render visitors
/// share, so it must post with the visitor's own swapped-in antiforgery token; one answer whatever the address's
/// state; field errors in the visitor's language.
/// </summary>
public partial class FollowFormTests
{
    private const string CheckInboxJa = "受信トレイを確認して、フォローを確定してください。";

    [Fact]
    public async Task Following_from_the_shared_event_page_without_javascript_emails_a_confirmation_and_says_check_your_inbox()
    {
        await using var app = await KestrelApp.StartAsync("Sqlite", time: new FakeTimeProvider(PublicSiteData.Now));
        await PublicSiteData.SeedAsync(app.Factory);
        using var client = Visitor(app);

        var first = await PostFollowAsync(client, "kenji@example.com", "Kenji");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains(CheckInboxJa, html, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"follow-requested\"", html, StringComparison.Ordinal);

        await using (var db = app.Factory.CreateDbContext())
        {
            var subscription = await db.Subscriptions.Include(s => s.Attendee).SingleAsync();
            Assert.Equal((SubscriptionStatus.Pending, "ja", "Kenji"), (subscription.Status, subscription.Language, subscription.Attendee!.DisplayName));
            Assert.Single(await db.OutboxMessages.Where(o => o.Kind == NotificationKind.SubscriptionConfirm).ToListAsync());
            subscription.Status = SubscriptionStatus.Active; // as if confirmed: the form must not tell
            await db.SaveChangesAsync();
        }

        var again = WebUtility.HtmlDecode(await (await PostFollowAsync(client, "kenji@example.com", "")).Content.ReadAsStringAsync());
        Assert.Equal(Outcome(html), Outcome(again));
    }

    [Fact]
    public async Task A_follow_with_a_bad_address_shows_the_field_error_in_the_visitors_language_and_stores_nothing()
    {
        await using var app = await KestrelApp.StartAsync("Sqlite", time: new FakeTimeProvider(PublicSiteData.Now));
        await PublicSiteData.SeedAsync(app.Factory);
        using var client = Visitor(app);

        var response = await PostFollowAsync(client, "not-an-address", "Kenji");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"error-email\"", html, StringComparison.Ordinal);
        Assert.Contains("有効なメールアドレスを入力してください（例：name@example.com）。", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CheckInboxJa, html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-address\"", html, StringComparison.Ordinal); // what they typed stays
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(await db.Subscriptions.ToListAsync());
    }

    /// <summary>Reads the event page twice (the second is the shared render), then posts with that visitor's token and cookie.</summary>
    private static async Task<HttpResponseMessage> PostFollowAsync(HttpClient client, string email, string name)
    {
        var path = $"/events/{PublicSiteData.Slug}";
        await GetJaAsync(client, path);
        var page = await GetJaAsync(client, path);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "The follow form carries no antiforgery token.");
        using var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "follow",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["Follow.Email"] = email,
                ["Follow.Name"] = name,
            }),
        };
        post.Headers.Add("Cookie", FormPost.Cookies(page));
        post.Headers.Add("Accept-Language", "ja");
        return await client.SendAsync(post);
    }

    private static async Task<HttpResponseMessage> GetJaAsync(HttpClient client, string path)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("Accept-Language", "ja");
        var response = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string Outcome(string html) => OutcomePattern().Match(html).Value;

    private static HttpClient Visitor(KestrelApp app)
        => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div[^>]*data-outcome=\"follow-requested\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex OutcomePattern();
}
