using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Web.Features.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using Serilog.Core;
using Serilog.Events;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Shared;

/// <summary>Absolute links are built on Meetup:PublicBaseUrl, else on a host AllowedHosts names, never on the Host a request claims.</summary>
public class PublicLinkHostTests
{
    private const string PublicBase = "https://meetup.example.org";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Links_in_answers_emails_and_calendars_are_on_the_public_base_whatever_host_a_request_claims(string provider)
    {
        using var smtp = SimpleSmtpServer.Start();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = Mail.Smtp(smtp.Configuration.Port, senderRunning: false);
        settings["Meetup:PublicBaseUrl"] = PublicBase + "/";
        await using var app = await TestApp.StartAsync(provider, settings, time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(10));
        var attacker = Claiming(app, "attacker.example");

        var rsvp = await OutcomeAsync(await RsvpAsync(attacker, session.Id, "Gao Lin", "gao@example.com"));
        await Mail.DrainAsync(app.Factory);
        time.Advance(TimeSpan.FromMinutes(11));
        (await attacker.PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps/resend", new { email = "gao@example.com" })).EnsureSuccessStatusCode();
        await Mail.DrainAsync(app.Factory);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.OK, (await RsvpAsync(attacker, session.Id, "Gao Lin", "gao@example.com")).StatusCode); // the same person again
        await Mail.DrainAsync(app.Factory);

        Assert.Equal($"{PublicBase}/rsvp/{rsvp.ManageToken}", rsvp.ManageUrl);
        var mails = await Mail.WaitForAsync(smtp, 3);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, mail =>
        {
            Assert.Matches($"{Regex(PublicBase)}/rsvp/[A-Za-z0-9_-]{{32}}", mail.TextBody);
            Assert.Matches($"{Regex(PublicBase)}/rsvp/[A-Za-z0-9_-]{{32}}", mail.HtmlBody);
            Assert.DoesNotContain("attacker.example", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        });

        var organizer = Claiming(app, "attacker.example", admin);
        var ev = (await organizer.GetFromJsonAsync<EventResource>($"/api/events/{session.EventId}"))!;
        Assert.Equal(($"{PublicBase}/events/{ev.Slug}", $"{PublicBase}/events/{ev.Slug}/calendar.ics"), (ev.PublicUrl, ev.CalendarUrl));
        var feed = await attacker.GetStringAsync($"/events/{ev.Slug}/calendar.ics");
        var entry = Assert.Single(Ical.Net.Calendar.Load(feed)!.Events);
        Assert.Equal(new Uri($"{PublicBase}/events/{ev.Slug}/sessions/{session.Id}"), entry.Url);
        Assert.DoesNotContain("attacker.example", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_base_links_are_on_the_request_host_only_when_AllowedHosts_names_it()
    {
        using var smtp = SimpleSmtpServer.Start();
        var settings = Mail.Smtp(smtp.Configuration.Port, senderRunning: false);
        settings["AllowedHosts"] = "meetup.example;*"; // one named host, and every other host still served
        await using var app = await TestApp.StartAsync("Sqlite", settings);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(10));

        var named = await OutcomeAsync(await RsvpAsync(Claiming(app, "meetup.example"), session.Id, "Gao Lin", "gao@example.com"));
        var other = await OutcomeAsync(await RsvpAsync(Claiming(app, "attacker.example"), session.Id, "Kim Minjun", "minjun@example.com"));
        await Mail.DrainAsync(app.Factory);

        Assert.Equal($"http://meetup.example/rsvp/{named.ManageToken}", named.ManageUrl);
        Assert.Equal($"http://localhost/rsvp/{other.ManageToken}", other.ManageUrl); // the server's own address
        var mails = (await Mail.WaitForAsync(smtp, 2)).ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Contains($"http://meetup.example/rsvp/{named.ManageToken}", mails["gao@example.com"].TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/rsvp/{other.ManageToken}", mails["minjun@example.com"].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mails["minjun@example.com"].TextBody + mails["minjun@example.com"].HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_only_the_wildcard_in_AllowedHosts_links_stay_on_the_address_the_server_listens_on()
    {
        // The default (and Development) configuration: AllowedHosts "*", no public base, a real socket.
        await using var app = await KestrelApp.StartAsync("Sqlite", NoLimits);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var signIn = await client.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword });
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await JsonAsync(signIn)).GetProperty("token").GetString());
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{session.Id}/rsvps")
        {
            Content = JsonContent.Create(new { name = "Gao Lin", email = "gao@example.com" }),
        };
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker.example");
        var rsvp = await OutcomeAsync(await client.SendAsync(request));

        Assert.Equal($"{app.BaseUrl}/rsvp/{rsvp.ManageToken}", rsvp.ManageUrl);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(PublicBase, false)]
    public async Task Outside_development_a_missing_public_base_and_allowed_host_is_warned_about_at_start_up(string? publicBase, bool warned)
    {
        var log = new CapturedLog();
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new MeetupAppFactory(database, new Dictionary<string, string?> { ["Meetup:PublicBaseUrl"] = publicBase })
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(log))); // Serilog reads sinks from the services

        _ = factory.Server; // "Testing": not Development

        var warning = log.Events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.RenderMessage()).FirstOrDefault(m => m.Contains("Meetup:PublicBaseUrl", StringComparison.Ordinal));
        Assert.Equal(warned, warning is not null);
        if (warned)
        {
            Assert.Contains("Meetup:PublicBaseUrl is not set and AllowedHosts names no host", warning, StringComparison.Ordinal);
        }
    }

    private sealed class CapturedLog : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }

    /// <summary>A client whose requests claim <paramref name="host"/> (Host and X-Forwarded-Host), with the organizer's token when given.</summary>
    private static HttpClient Claiming(TestApp app, string host, HttpClient? signedIn = null)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", host);
        client.DefaultRequestHeaders.Authorization = signedIn?.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
