using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Meetup.Testing;
using Meetup.Tests.Features.Rsvps;

namespace Meetup.Tests.Features.Languages;

/// <summary>
/// Every page a person reads is in their language: with Japanese or Chinese chosen, a page renders no English word
/// outside the organizer's own texts (which are Japanese here), email addresses, links and the few names that stay as
/// they are. Text that bypasses the resources shows up as English.
/// </summary>
public sealed partial class UntranslatedTextTests(UntranslatedTextTests.Community community) : IClassFixture<UntranslatedTextTests.Community>
{
    /// <summary>Words that are the same in every language: names, formats and units.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal)
    {
        "Meetup", "CSV", "QR", "UTC", "API", "iCal", "ics", "Markdown", "URL", "xlsx", "connpass", "Doorkeeper", "Luma",
        "Google", "Outlook", "OpenStreetMap", "Zoom", "Teams", "JavaScript", "min", "h", "Excel", "UTF", "Shift", "JIS",
        "Windows", "KB", "MB", "GB",
    };

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "ja", "zh-Hans" })
        {
            foreach (var page in new[]
            {
                "/", "/events/{slug}", "/events/{slug}/sessions/{session}", "/rsvp/new/{session}", "/rsvp/{token}",
                "/rsvp/{token}/cant-come",
                "/account/login", "/not-found",
                "/admin", "/admin/events/{event}", "/admin/events/{event}/edit", "/admin/events/new", "/admin/sessions/new",
                "/admin/sessions/{session}", "/admin/sessions/{session}/rsvps", "/admin/sessions/{session}/checkin",
                "/admin/checkin", "/admin/events/{event}/retention", "/admin/events/{event}/import",
                "/admin/events/{event}/questions", "/admin/events/{event}/duplicates", "/admin/people",
                "/admin/attendees/{attendee}", "/admin/calendar", "/admin/speakers", "/admin/users", "/account/password",
            })
            {
                data.Add(culture, page);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_in_Japanese_or_Chinese_has_no_English_left(string culture, string page)
    {
        var app = community.App;
        var world = community.World;
        var url = page.Replace("{slug}", world.Slug).Replace("{event}", world.EventId.ToString())
            .Replace("{session}", world.SessionId.ToString()).Replace("{token}", world.ManageToken)
            .Replace("{attendee}", world.AttendeeId.ToString());
        var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"{world.Cookies}; .AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{culture}\">", html);
        var english = EnglishWords(html);
        Assert.True(english.Count == 0, $"{url} in {culture} shows English: {string.Join(" | ", english)}");
    }

    [Fact]
    public void The_check_sees_English_text_and_passes_the_rest()
    {
        var found = EnglishWords("""
            <html lang="ja"><body><h1>参加登録</h1><p>Seats left: 3</p><button aria-label="Close">×</button><span lang="en">English</span>
            <p>yamada@example.com https://example.com/a 2027年1月6日 19:00 Asia/Tokyo, UTC+09:00 Meetup</p>
            <script>var english = "words";</script><p translate="no">Kubernetes</p><code>YXUDMN</code><p>/kumo · webcal://x.example/a.ics</p></body></html>
            """);

        Assert.Equal(["Seats left", "Close"], found);
    }

    /// <summary>English runs in the visible text and the attributes a person hears or sees.</summary>
    private static List<string> EnglishWords(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lang = document.DocumentElement.GetAttribute("lang");
        foreach (var hidden in document.QuerySelectorAll("script, style, template, code, kbd, samp, [translate='no']"))
        {
            hidden.Remove();
        }
        // Text that says it is in another language (a language's own name in the switch) is deliberate.
        foreach (var other in document.Body!.QuerySelectorAll("[lang]").Where(e => e.GetAttribute("lang") != lang).ToList())
        {
            other.Remove();
        }
        var texts = new List<string>();
        foreach (var node in document.Body!.Descendants())
        {
            if (node is IText text)
            {
                texts.Add(text.Data);
            }
            else if (node is IElement element)
            {
                texts.AddRange(new[] { "aria-label", "title", "placeholder", "alt", "aria-description" }
                    .Select(element.GetAttribute).OfType<string>());
                if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button")
                {
                    texts.Add(element.GetAttribute("value") ?? "");
                }
            }
        }
        var found = new List<string>();
        foreach (var text in texts)
        {
            var cleaned = Ignored().Replace(text, " ");
            foreach (Match run in EnglishRun().Matches(cleaned))
            {
                var words = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!words.All(SameInEveryLanguage.Contains))
                {
                    found.Add(run.Value.Trim());
                }
            }
        }
        return [.. found.Distinct()];
    }

    public sealed record World(string Slug, int EventId, int SessionId, string ManageToken, int AttendeeId, string Cookies);

    /// <summary>One app for all pages: the pages are only read.</summary>
    public sealed class Community : IAsyncLifetime
    {
        public TestApp App { get; private set; } = default!;

        public World World { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = await RsvpKit.StartAsync("Sqlite");
            World = await JapaneseCommunityAsync(App);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>A Japanese-speaking community: its texts are the organizer's, so none of them is English.</summary>
    private static async Task<World> JapaneseCommunityAsync(TestApp app)
    {
        var admin = await app.ApiClientAsync();
        var created = await admin.PostAsJsonAsync("/api/events", new { name = "クラウド勉強会", slug = "kumo", description = "毎月の勉強会です。" });
        created.EnsureSuccessStatusCode();
        var eventId = (await RsvpKit.JsonAsync(created)).GetProperty("id").GetInt32();
        var csv = "session_start,session_title,email,name,attended\n"
            + "2026-10-01T19:00,第1回 入門,yamada@example.com,山田太郎,true\n"
            + "2026-10-01T19:00,第1回 入門,li@example.com,李明,true\n"
            + "2026-11-01T19:00,第2回 応用,yamada@example.com,山田太郎,true\n";
        (await admin.PostAsync($"/api/events/{eventId}/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var response = await admin.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
        {
            title = "第3回 実践",
            description = "ハンズオンです。",
            startsAt = RsvpKit.Utc(DateTimeOffset.UtcNow.AddDays(20)),
            durationMinutes = 120,
            format = "hybrid",
            venueName = "渋谷会議室",
            venueAddress = "東京都渋谷区1-2-3",
            onlineUrl = "https://meet.example.com/kumo",
            capacity = 1,
            languages = new[] { "ja", "zh" },
        });
        response.EnsureSuccessStatusCode();
        var sessionId = (await RsvpKit.JsonAsync(response)).GetProperty("id").GetInt32();
        (await admin.PostAsync($"/api/sessions/{sessionId}/publish", null)).EnsureSuccessStatusCode();
        var first = await RsvpKit.OutcomeAsync(await RsvpKit.RsvpAsync(app.Client(), sessionId, "山田太郎", "yamada@example.com", "ja"));
        await RsvpKit.RsvpAsync(app.Client(), sessionId, "李明", "li@example.com", "zh");
        var people = await RsvpKit.JsonAsync(await admin.GetAsync("/api/attendees?search=yamada"));
        var attendeeId = people[0].GetProperty("id").GetInt32();

        var signIn = await FormPost.SubmitAsync(app.Client(), "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });
        return new World("kumo", eventId, sessionId, first.ManageToken!, attendeeId, FormPost.Cookies(signIn));
    }

    /// <summary>Email addresses, links, domains (Meetup.com), paths (/kumo) and zone names (Asia/Tokyo) are not UI text.</summary>
    [GeneratedRegex(@"\S+@\S+|\b[A-Za-z]+\.(?:com|org|net|jp)\b|(?:https?|webcal)://\S+|(?<!\S)/\S*|\b[A-Z][a-z]+/[A-Za-z_]+(/[A-Za-z_]+)?\b")]
    private static partial Regex Ignored();

    /// <summary>A run of Latin words (two letters or more) with the spaces and simple punctuation between them.</summary>
    [GeneratedRegex(@"[A-Za-zÀ-ÿ]{2,}(?:[ ,:'’\-]+[A-Za-zÀ-ÿ]{2,})*")]
    private static partial Regex EnglishRun();
}
