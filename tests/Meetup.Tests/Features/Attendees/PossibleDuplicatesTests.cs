using Meetup.Testing;
using Meetup.Tests.Features.Import;
using Meetup.Web.Features.Attendees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Attendees;

public class PossibleDuplicatesTests
{
    private const string History = """
        session_start,session_title,email,name,rsvp,attended
        2026-09-01T19:00,#1,taro_y@connpass.invalid,たろう,confirmed,yes
        2026-09-01T19:00,#1,wang.li@example.com,Wang  Li,confirmed,yes
        2026-09-01T19:00,#1,alice@example.com,Alice,confirmed,yes
        2026-09-01T19:00,#1,info@one.example,Info One,confirmed,yes
        2026-09-15T19:00,#2,taro_y@example.com,Taro Yamada,confirmed,yes
        2026-09-15T19:00,#2,taro_y@connpass.invalid,たろう,none,yes
        2026-09-15T19:00,#2,li.wang@work.example,wang li,confirmed,no
        2026-09-15T19:00,#2,info@two.example,Info Two,confirmed,yes
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Same_names_and_an_account_named_like_an_email_are_listed_with_whom_to_keep(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        var other = await HistoryApi.CreateEventAsync(app, "other-group");
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        // Another event's Alice is not this event's business.
        (await HistoryApi.ImportAsync(admin, other, "session_start,email,name,attended\n2026-09-03T19:00,alice@other.example,Alice,yes\n")).EnsureSuccessStatusCode();

        using var scope = app.Factory.Services.CreateScope();
        var groups = await scope.ServiceProvider.GetRequiredService<PossibleDuplicates>().ForEventAsync(eventId);

        // Two real addresses sharing "info@" are not an account match: only placeholders suggest one.
        Assert.Equal(2, groups.Count);
        var account = Assert.Single(groups, g => g.Reason == DuplicateReason.SameAccount);
        Assert.Equal(["taro_y@connpass.invalid", "taro_y@example.com"], account.People.Select(p => p.Email).Order());
        var placeholder = account.People.Single(p => p.Email == "taro_y@connpass.invalid");
        Assert.Equal((2, new DateTime(2026, 9, 15, 10, 0, 0)), (placeholder.Sessions, placeholder.LastCame));
        Assert.Equal(account.People.Single(p => p.Email == "taro_y@example.com").Id, account.SuggestedKeepId); // the deliverable address

        var names = Assert.Single(groups, g => g.Reason == DuplicateReason.SameName);
        Assert.Equal(["li.wang@work.example", "wang.li@example.com"], names.People.Select(p => p.Email).Order());
        Assert.Null(names.People.Single(p => p.Email == "li.wang@work.example").LastCame);
        Assert.Equal(names.People.Min(p => p.Id), names.SuggestedKeepId); // same history: the older record

        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PossibleDuplicates>().ForEventAsync(other));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_persons_page_suggests_the_same_name_or_account_and_searches_by_name_or_address(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        int taro, wang;
        await using (var db = app.Factory.CreateDbContext())
        {
            taro = await db.Attendees.Where(a => a.Email == "taro_y@example.com").Select(a => a.Id).SingleAsync();
            wang = await db.Attendees.Where(a => a.Email == "wang.li@example.com").Select(a => a.Id).SingleAsync();
        }
        using var scope = app.Factory.Services.CreateScope();
        var matches = scope.ServiceProvider.GetRequiredService<AttendeeMatches>();

        Assert.Equal(["taro_y@connpass.invalid"], (await matches.SuggestAsync(taro)).Select(m => m.Email));
        var suggested = Assert.Single(await matches.SuggestAsync(wang));
        Assert.Equal(("li.wang@work.example", 1), (suggested.Email, suggested.Sessions));

        Assert.Equal(["taro_y@connpass.invalid"], (await matches.SearchAsync(taro, "たろ")).Select(m => m.Email));
        Assert.Equal(["info@one.example", "info@two.example"], (await matches.SearchAsync(taro, " INFO ")).Select(m => m.Email).Order());
        Assert.Empty(await matches.SearchAsync(taro, "t")); // too short to search
        Assert.DoesNotContain(await matches.SearchAsync(taro, "taro"), m => m.Id == taro); // never oneself
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Namesakes_called_not_the_same_are_no_longer_offered_until_a_third_namesake_comes(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        using var scope = app.Factory.Services.CreateScope();
        var duplicates = scope.ServiceProvider.GetRequiredService<PossibleDuplicates>();
        var names = Assert.Single(await duplicates.ForEventAsync(eventId), g => g.Reason == DuplicateReason.SameName);
        var ids = names.People.Select(p => p.Id).ToList();

        await duplicates.NotTheSameAsync(ids);
        await duplicates.NotTheSameAsync(ids); // twice: no harm

        Assert.DoesNotContain(await duplicates.ForEventAsync(eventId), g => g.Reason == DuplicateReason.SameName);
        Assert.Single(await duplicates.ForEventAsync(eventId), g => g.Reason == DuplicateReason.SameAccount); // others stay
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AttendeeMatches>().SuggestAsync(ids[0]));
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(1, await db.DistinctPeople.CountAsync());
        }

        // A third Wang Li: the group is open again, with all three.
        (await HistoryApi.ImportAsync(admin, eventId, "session_start,email,name,attended\n2026-09-29T19:00,wl3@example.net,WANG LI,yes\n")).EnsureSuccessStatusCode();
        Assert.Equal(3, Assert.Single(await duplicates.ForEventAsync(eventId), g => g.Reason == DuplicateReason.SameName).People.Count);
    }
}
