using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using static Meetup.Tests.Hosting.ClientAddresses;

namespace Meetup.Tests.Features.PublicSite;

/// <summary>
/// The session page carries the RSVP limit because it shows the RSVP form. A classroom behind one NAT reading the
/// page an announcement linked to must never see "Please wait": only the form's POST counts, and it still does.
/// </summary>
public class RushReadingThrottleTests
{
    [Fact]
    public async Task One_address_reads_the_session_and_event_pages_far_beyond_the_rsvp_limit_while_its_form_posts_stay_limited()
    {
        await using var app = await KestrelApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["RateLimiting:Rsvp:PermitLimit"] = "2",
            ["RateLimiting:Rsvp:WindowSeconds"] = "600",
        });
        using var admin = await AdminAsync(app);
        var session = await PublishedSessionAsync(admin, 50, DateTimeOffset.UtcNow.AddDays(5));
        var sessionPage = new Uri((await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sessions/{session.Id}")).GetProperty("publicUrl").GetString()!).AbsolutePath;
        var eventPage = sessionPage[..sessionPage.IndexOf("/sessions/", StringComparison.Ordinal)];
        const string classroom = "203.0.113.40";

        using var reader = From(classroom);
        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            reads.Add((await reader.GetAsync(new Uri(app.BaseUrl + sessionPage))).StatusCode);
            reads.Add((await reader.GetAsync(new Uri(app.BaseUrl + sessionPage + "?from=email"))).StatusCode);
            reads.Add((await reader.GetAsync(new Uri(app.BaseUrl + eventPage))).StatusCode);
        }
        var posts = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            posts.Add((await PostFormAsync(app, classroom, sessionPage, sessionPage, "rsvp", new Dictionary<string, string>
            {
                ["Form.Name"] = $"Student {i}",
                ["Form.Email"] = $"student{i}@school.example",
                ["Form.Language"] = "en",
                ["Form.Website"] = "",
            })).StatusCode);
        }
        var readAfter = (await reader.GetAsync(new Uri(app.BaseUrl + sessionPage))).StatusCode;

        Assert.All(reads, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], posts);
        Assert.Equal(HttpStatusCode.OK, readAfter);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(2, db.Rsvps.Count(r => r.SessionId == session.Id));
    }

    private static async Task<HttpClient> AdminAsync(KestrelApp app)
    {
        var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.200");
        var token = await (await admin.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        return admin;
    }
}
