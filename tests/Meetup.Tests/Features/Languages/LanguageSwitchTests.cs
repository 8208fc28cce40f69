using System.Net;
using System.Text.RegularExpressions;
using Meetup.Testing;

namespace Meetup.Tests.Features.Languages;

/// <summary>Which language a page is in: the switch's cookie, else Accept-Language, else English (docs/i18n.md).</summary>
public sealed partial class LanguageSwitchTests
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("ja", "ja")]
    [InlineData("ja-JP,ja;q=0.9,en;q=0.8", "ja")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("fr-FR", "en")]
    public async Task Without_a_choice_the_browser_language_decides(string? acceptLanguage, string lang)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var html = await (await app.Client().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal(lang, HtmlLang().Match(html).Groups[1].Value);
    }

    [Fact]
    public async Task The_switch_is_a_form_that_remembers_the_choice_over_the_browser_language()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        var (page, cookies) = await GetAsync(client, "/account/login", null, "zh-CN");
        Assert.Contains("lang=\"zh-Hans\"", page);
        Assert.Contains("<button type=\"submit\" name=\"culture\" value=\"ja\" lang=\"ja\">日本語</button>", page);
        Assert.Contains("<button type=\"submit\" name=\"culture\" value=\"en\" lang=\"en\">English</button>", page);
        Assert.Matches("<span class=\"language-current\" lang=\"zh-Hans\" aria-current=\"true\">简体中文</span>", page);
        Assert.Contains("name=\"returnUrl\" value=\"/account/login\"", page);

        var switched = await PostAsync(client, page, cookies, "ja", "/account/login?x=1");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login?x=1", switched.Headers.Location!.OriginalString);
        var set = Assert.Single(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("httponly", set, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", set, StringComparison.OrdinalIgnoreCase);
        var remembered = FormPost.Cookies(switched, cookies);
        var (after, _) = await GetAsync(client, "/", remembered, "zh-CN");
        Assert.Contains("<html lang=\"ja\">", after);
    }

    [Theory]
    [InlineData("fr", "/")]
    [InlineData("", "/")]
    [InlineData("ja", "//evil.example/")]
    [InlineData("ja", "https://evil.example/")]
    [InlineData("ja", "/\\evil.example/")]
    public async Task An_unknown_language_changes_nothing_and_the_way_back_stays_on_this_site(string culture, string returnUrl)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        var (page, cookies) = await GetAsync(client, "/", null, null);

        var response = await PostAsync(client, page, cookies, culture, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location == "/" || location == returnUrl && returnUrl.StartsWith('/') && returnUrl[1] is not '/' and not '\\', location);
        var chosen = response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal(culture == "ja", chosen);
    }

    [Fact]
    public async Task A_switch_without_its_antiforgery_token_is_refused_without_a_server_error()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var response = await app.Client().PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "ja" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));
    }

    private static async Task<(string Html, string Cookies)> GetAsync(HttpClient client, string url, string? cookies, string? acceptLanguage)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookies is not null)
        {
            get.Headers.Add("Cookie", cookies);
        }
        if (acceptLanguage is not null)
        {
            get.Headers.Add("Accept-Language", acceptLanguage);
        }
        var response = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), FormPost.Cookies(response, cookies));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string cookies, string culture, string returnUrl)
    {
        var form = SwitchForm().Match(page);
        Assert.True(form.Success, "The page has no language switch.");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form.Value).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/language")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["culture"] = culture,
                ["returnUrl"] = returnUrl,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }

    [GeneratedRegex("<html lang=\"([^\"]+)\"")]
    private static partial Regex HtmlLang();

    [GeneratedRegex("<form class=\"language-switch\" method=\"post\" action=\"/language\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex SwitchForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
