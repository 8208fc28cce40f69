using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using static Meetup.Tests.Hosting.ClientAddresses;

namespace Meetup.Tests.Hosting;

/// <summary>
/// A limit belongs to the endpoint a request reaches, not to how its path is spelled: every spelling that reaches the
/// RSVP, link re-send or sign-in endpoint counts in the same bucket as the plain path, and one that reaches no endpoint
/// does nothing at all. Each spelling is tried from two fresh client addresses (its own buckets): spelling then plain
/// path, and plain path then spelling.
/// </summary>
public class RateLimitSpellingTests
{
    private static readonly Dictionary<string, string?> OnePerWindow = new()
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["RateLimiting:Rsvp:PermitLimit"] = "1",
        ["RateLimiting:Rsvp:WindowSeconds"] = "600",
        ["RateLimiting:Resend:PermitLimit"] = "1",
        ["RateLimiting:Resend:WindowSeconds"] = "600",
        ["RateLimiting:Token:PermitLimit"] = "1",
        ["RateLimiting:Token:WindowSeconds"] = "600",
    };

    private static string[] OddSpellings(string plain, string number)
    {
        var n = number;
        return
        [
            plain + "/",
            plain.ToUpperInvariant(),
            plain.Replace("/" + n, "/+" + n, StringComparison.Ordinal),
            plain.Replace("/" + n, "/%20" + n, StringComparison.Ordinal),
            plain.Replace("/" + n, "/" + n + "%20", StringComparison.Ordinal),
            plain.Replace("/" + n, "/0" + n, StringComparison.Ordinal),
            "/" + plain,
            plain.Replace("/", "//", StringComparison.Ordinal),
            plain[..plain.LastIndexOf('/')] + "%2F" + plain[(plain.LastIndexOf('/') + 1)..],
            plain[..plain.LastIndexOf('/')] + "%2f" + plain[(plain.LastIndexOf('/') + 1)..],
            plain + ";x=1",
            plain + "?x=1",
            plain + "/.",
            plain[..(plain.Length - 1)] + "%" + ((int)plain[^1]).ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
        ];
    }

    [Fact]
    public async Task Every_spelling_of_the_rsvp_api_counts_with_the_plain_path()
    {
        await using var app = await KestrelApp.StartAsync(settings: OnePerWindow);
        var session = await SessionAsync(app);
        var plain = $"/api/sessions/{session}/rsvps";
        var n = 0;

        await AssertOneBucketAsync(plain, OddSpellings(plain, $"{session}"), HttpStatusCode.Created, async (address, path) =>
        {
            n++;
            return (await PostJsonAsync(app, address, path, new { name = $"P{n}", email = $"p{n}@example.com" })).StatusCode;
        });
    }

    [Fact]
    public async Task Every_spelling_of_the_link_resend_api_counts_with_the_plain_path()
    {
        await using var app = await KestrelApp.StartAsync(settings: OnePerWindow);
        var session = await SessionAsync(app);
        var plain = $"/api/sessions/{session}/rsvps/resend";

        await AssertOneBucketAsync(plain, OddSpellings(plain, $"{session}"), HttpStatusCode.Accepted, async (address, path) =>
            (await PostJsonAsync(app, address, path, new { email = "nobody@example.com" })).StatusCode);
    }

    [Fact]
    public async Task Every_spelling_of_the_token_endpoint_counts_with_the_plain_path()
    {
        await using var app = await KestrelApp.StartAsync(settings: OnePerWindow);
        const string plain = "/api/auth/token";

        await AssertOneBucketAsync(plain, [.. OddSpellings(plain, "auth"), "/Api/Auth/Token/"], HttpStatusCode.Unauthorized, async (address, path) =>
            (await PostJsonAsync(app, address, path, new { email = MeetupAppFactory.AdminEmail, password = "wrong-password" })).StatusCode);
    }

    [Fact]
    public async Task Every_spelling_of_the_login_form_counts_with_the_plain_path()
    {
        await using var app = await KestrelApp.StartAsync(settings: OnePerWindow);
        const string plain = "/account/login";

        await AssertOneBucketAsync(plain, [.. OddSpellings(plain, "account"), "/Account/Login/", "/account/login?returnUrl=%2Fadmin"], HttpStatusCode.OK, async (address, path) =>
            (await PostFormAsync(app, address, "/account/login", path, "login", Login(MeetupAppFactory.AdminEmail, "wrong-password"))).StatusCode);
    }

    [Fact]
    public async Task Every_spelling_of_the_rsvp_form_counts_with_the_plain_path_and_the_session_page_posting_it()
    {
        await using var app = await KestrelApp.StartAsync(settings: OnePerWindow);
        var session = await SessionAsync(app);
        var sessionPage = new Uri(await PublicUrlAsync(app, session)).AbsolutePath;
        var plain = $"/rsvp/new/{session}";
        var n = 0;

        await AssertOneBucketAsync(plain, [.. OddSpellings(plain, $"{session}"), sessionPage, sessionPage + "/"], HttpStatusCode.OK, async (address, path) =>
        {
            n++;
            return (await PostFormAsync(app, address, plain, path, "rsvp", new Dictionary<string, string>
            {
                ["Form.Name"] = $"P{n}",
                ["Form.Email"] = $"p{n}@example.com",
                ["Form.Language"] = "en",
                ["Form.Website"] = "",
            })).StatusCode;
        });
    }

    [Fact]
    public async Task Mixed_spellings_of_both_sign_in_doors_share_one_bucket_and_reading_the_form_is_never_limited()
    {
        await using var app = await KestrelApp.StartAsync(settings: new Dictionary<string, string?>(OnePerWindow) { ["RateLimiting:Token:PermitLimit"] = "4" });
        const string address = "203.0.113.77";
        var wrong = new { email = MeetupAppFactory.AdminEmail, password = "wrong-password" };

        var statuses = new List<HttpStatusCode>
        {
            (await PostJsonAsync(app, address, "/api/auth/token/", wrong)).StatusCode,
            (await PostJsonAsync(app, address, "/API/Auth/Token", wrong)).StatusCode,
            (await PostFormAsync(app, address, "/account/login", "/Account/Login/", "login", Login(wrong.email, wrong.password))).StatusCode,
            (await PostJsonAsync(app, address, "/api/auth/token", wrong)).StatusCode,
            (await PostFormAsync(app, address, "/account/login", "/account/login", "login", Login(wrong.email, wrong.password))).StatusCode,
            (await PostJsonAsync(app, address, "/api/auth/token/", wrong)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var client = From(address);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(app.BaseUrl + "/account/login/"))).StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(app.BaseUrl + "/account/login"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SendAsync(head)).StatusCode);
    }

    /// <summary>
    /// For each spelling, from fresh addresses: either it reaches the endpoint (answers <paramref name="passed"/>) and
    /// shares the plain path's bucket both ways, or it reaches no endpoint (404/405/400) and leaves the bucket alone.
    /// </summary>
    private static async Task AssertOneBucketAsync(string plain, IEnumerable<string> spellings, HttpStatusCode passed, Func<string, string, Task<HttpStatusCode>> send)
    {
        var wrong = new List<string>();
        var i = 0;
        foreach (var spelling in spellings)
        {
            i++;
            var (x, y) = ($"203.0.113.{i}", $"198.51.100.{i}");
            var spellingFirst = await send(x, spelling);
            var plainSecond = await send(x, plain);
            var plainFirst = await send(y, plain);
            var spellingSecond = await send(y, spelling);
            var reached = spellingFirst == passed && plainSecond == HttpStatusCode.TooManyRequests
                && plainFirst == passed && spellingSecond == HttpStatusCode.TooManyRequests;
            // 404/405 from routing; 400 when a POST that found no page is re-executed as the not-found page.
            var reachedNothing = spellingFirst is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest
                && plainSecond == passed && plainFirst == passed && spellingSecond == spellingFirst;
            if (!reached && !reachedNothing)
            {
                wrong.Add($"{spelling}: then {plain} → {(int)spellingFirst}, {(int)plainSecond}; {plain} then it → {(int)plainFirst}, {(int)spellingSecond}");
            }
        }
        Assert.True(wrong.Count == 0, "Spellings that escape the limit:\n" + string.Join('\n', wrong));
    }

    private static async Task<int> SessionAsync(KestrelApp app)
        => (await PublishedSessionAsync(await AdminAsync(app), 200, DateTimeOffset.UtcNow.AddDays(5))).Id;

    private static async Task<string> PublicUrlAsync(KestrelApp app, int session)
    {
        var resource = await (await AdminAsync(app)).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sessions/{session}");
        return resource.GetProperty("publicUrl").GetString()!;
    }

    private static int _admins;

    private static async Task<HttpClient> AdminAsync(KestrelApp app)
    {
        var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        // Its own address each time: the test's limit of one sign-in per address must not stop the organizer.
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{Interlocked.Increment(ref _admins)}");
        var token = await (await admin.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        return admin;
    }
}
