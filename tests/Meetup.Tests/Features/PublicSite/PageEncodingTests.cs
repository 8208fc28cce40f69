using System.Net;

namespace Meetup.Tests.Features.PublicSite;

/// <summary>Pages go out as UTF-8 text: Japanese and Chinese stay characters (not numeric references); markup characters are still escaped.</summary>
public class PageEncodingTests
{
    [Fact]
    public async Task A_japanese_title_is_sent_as_characters_and_markup_in_it_is_still_escaped()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;
        await using (var db = app.Factory.CreateDbContext())
        {
            var session = await db.Sessions.FindAsync(data.UpcomingId);
            session!.Title = "勉強会 <b>第1回</b> & 学习会";
            await db.SaveChangesAsync();
        }

        var response = await app.Client().GetAsync(PublicSiteData.SessionPath(data.UpcomingId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = await response.Content.ReadAsStringAsync(); // as sent, entities and all
        Assert.Contains("<h1>勉強会 &lt;b&gt;第1回&lt;/b&gt; &amp; 学习会</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x52C9;", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>第1回</b>", html, StringComparison.Ordinal);
    }
}
