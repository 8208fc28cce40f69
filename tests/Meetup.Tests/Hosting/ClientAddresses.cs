using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;

namespace Meetup.Tests.Hosting;

/// <summary>
/// Requests to a <see cref="KestrelApp"/> started with <c>ForwardedHeaders:Enabled</c> that come "from" a given client
/// address: the test client is on loopback, a trusted proxy, so its X-Forwarded-For is the client's address.
/// Paths are sent as written (absolute URIs), so odd spellings reach the server unchanged.
/// </summary>
internal static partial class ClientAddresses
{
    public static HttpClient From(string address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(KestrelApp app, string address, string path, object body)
    {
        using var client = From(address);
        return await client.PostAsJsonAsync(new Uri(app.BaseUrl + path), body);
    }

    /// <summary>A static SSR form posted to <paramref name="postPath"/> after reading the form at <paramref name="formPath"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        KestrelApp app, string address, string formPath, string postPath, string formName, IDictionary<string, string> fields)
    {
        using var client = From(address);
        var page = await client.GetAsync(new Uri(app.BaseUrl + formPath));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "The form carries no antiforgery token.");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseUrl + postPath)) { Content = new FormUrlEncodedContent(body) };
        var cookies = FormPost.Cookies(page);
        if (cookies.Length > 0)
        {
            post.Headers.Add("Cookie", cookies);
        }
        return await client.SendAsync(post);
    }

    public static Dictionary<string, string> Login(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    /// <summary>The text of the login page's error box (the rest of the page carries per-request tokens).</summary>
    public static async Task<string?> LoginErrorAsync(HttpResponseMessage response)
    {
        var match = ErrorPattern().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"alert alert-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex ErrorPattern();
}
