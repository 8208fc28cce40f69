using System.Globalization;
using System.Net.Http.Headers;
using Meetup.Testing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Meetup.Tests.Components;

/// <summary>
/// The shared parts of every page follow the page's language: error pages, the reconnect notice, form messages
/// (DataAnnotations keys) and MudBlazor's own texts. Needs Strings.ja.resx / Strings.zh-Hans.resx (the translations).
/// </summary>
public sealed class PageLanguageTests
{
    [Fact]
    public async Task A_missing_page_in_Japanese_says_so_in_Japanese_with_a_Japanese_reconnect_notice()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja-JP"));

        var html = await (await client.GetAsync("/no-such-page")).Content.ReadAsStringAsync();

        Assert.Contains("このページは存在しません", html, StringComparison.Ordinal);
        Assert.Contains("サーバーとの接続が切れました。再接続しています…", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reconnecting", html, StringComparison.Ordinal);
    }

    /// <summary>Every Chinese a browser sends reads the only Chinese there is; the header's quality order still counts.</summary>
    [Theory]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hans")]
    [InlineData("zh-HK", "zh-Hans")]
    [InlineData("zh-Hant", "zh-Hans")]
    [InlineData("zh-Hant-TW", "zh-Hans")]
    [InlineData("fr-FR, zh-TW;q=0.8, en;q=0.5", "zh-Hans")]
    [InlineData("ja;q=0.9, zh-TW;q=0.5", "ja")]
    [InlineData("en-US, zh-HK;q=0.9", "en")]
    [InlineData("fr", "en")]
    public async Task Any_Chinese_in_Accept_Language_gets_the_simplified_Chinese_pages(string acceptLanguage, string expected)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var html = await (await app.Client().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_field_messages_are_in_the_pages_language()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        var response = await FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入邮箱地址。", html, StringComparison.Ordinal);
        Assert.Contains("请输入密码。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter your password.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "表示件数：", "閉じる")]
    [InlineData("zh-Hans", "每页行数：", "关闭")]
    [InlineData("en", "Rows per page:", "Close")]
    public async Task MudBlazors_own_texts_follow_the_pages_language(string culture, string rowsPerPage, string close)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using var scope = app.Factory.Services.CreateScope();
        var mud = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(rowsPerPage, mud.Handle("MudDataGridPager_RowsPerPage").Value);
            Assert.Equal(close, mud.Handle("MudDialog_Close").Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
