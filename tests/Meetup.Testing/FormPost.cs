using System.Net;
using System.Text.RegularExpressions;

namespace Meetup.Testing;

/// <summary>
/// Submits a static server-rendered Blazor form as a browser without JavaScript would: GET the
/// page, keep its antiforgery cookie and token, POST the fields.
/// </summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string url, string formName, IDictionary<string, string> fields, string? cookieHeader = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookieHeader is not null)
        {
            get.Headers.Add("Cookie", cookieHeader);
        }
        var page = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "The form carries no antiforgery token.");

        var cookies = Cookies(page, cookieHeader);
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) };
        if (cookies.Length > 0)
        {
            post.Headers.Add("Cookie", cookies);
        }
        return await client.SendAsync(post);
    }

    public static string Cookies(HttpResponseMessage response, string? existing = null)
    {
        var pairs = new List<string>();
        if (!string.IsNullOrEmpty(existing) && existing.Length > 0)
        {
            pairs.Add(existing);
        }
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            pairs.AddRange(set.Select(c => c.Split(';')[0]));
        }
        return string.Join("; ", pairs);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
