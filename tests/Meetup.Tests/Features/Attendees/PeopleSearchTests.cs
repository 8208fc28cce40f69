using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Import;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Attendees;

/// <summary>
/// Every place an organizer or door helper types a name or an address to find people — the people list, a session's
/// RSVP list, the door — folds case and width for every script, the same on SQLite and PostgreSQL (docs/i18n.md, Search).
/// </summary>
public class PeopleSearchTests
{
    private static readonly (string Name, string Email)[] People =
    [
        ("Taro Yamada", "taro.y@example.com"),
        ("émile Dupont", "p2@example.com"),
        ("ガク", "p3@example.com"),
        ("Иван Петров", "p4@example.com"),
        ("Alice", "alice@example.com"),
    ];

    /// <summary>What each typed text finds, by name; '%' and '_' are text, never wildcards.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["ＴＡＲＯ"] = ["Taro Yamada"],
        ["taro"] = ["Taro Yamada"],
        ["Taro"] = ["Taro Yamada"],
        ["ＴＡＲＯ.Ｙ＠"] = ["Taro Yamada"], // the start of an address, typed full-width
        ["Émile"] = ["émile Dupont"],
        ["ÉMILE"] = ["émile Dupont"],
        ["ｶﾞｸ"] = ["ガク"], // half-width katakana
        ["がく"] = ["ガク"], // hiragana
        ["ИВАН"] = ["Иван Петров"],
        ["%"] = [],
        ["_"] = [],
        ["a%e"] = [],
        ["t_ro"] = [],
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_people_list_the_rsvp_list_and_the_door_fold_case_and_width_for_every_script(string provider)
    {
        await using var app = await StartAsync(provider);
        using var admin = await app.ApiClientAsync();
        using var door = await DoorHelperAsync(app);
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(10));
        foreach (var (name, email) in People)
        {
            (await RsvpAsync(app.Client(), session.Id, name, email)).EnsureSuccessStatusCode();
        }

        var people = new Dictionary<string, string[]>();
        var rsvps = new Dictionary<string, string[]>();
        var atTheDoor = new Dictionary<string, string[]>();
        foreach (var term in Expected.Keys)
        {
            var q = Uri.EscapeDataString(term);
            people[term] = Names((await admin.GetFromJsonAsync<JsonArray>($"/api/attendees?search={q}"))!);
            rsvps[term] = Names((await admin.GetFromJsonAsync<JsonArray>($"/api/sessions/{session.Id}/rsvps?search={q}"))!);
            atTheDoor[term] = Names((await door.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/checkins?search={q}"))!["people"]!.AsArray());
        }

        Assert.Equal(Expected, people);
        Assert.Equal(Expected, rsvps);
        Assert.Equal(Expected, atTheDoor);
        await SearchNames.AssertFollowNamesAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_name_from_the_manage_page_a_merge_or_an_import_is_found_and_an_erased_name_is_not(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(10));
        var mei = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Mei", "mei@example.com"));
        await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com");
        await RsvpAsync(app.Client(), session.Id, "Kim Minjun", "minjun@example.com");
        int nameless, sato;
        await using (var db = app.Factory.CreateDbContext())
        {
            // People known by an address only (as an old walk-in could be): a merge or an import gives them a name.
            var people = new[] { new Attendee { Email = "lin.g@work.example" }, new Attendee { Email = "sato@example.com" } };
            db.Attendees.AddRange(people);
            await db.SaveChangesAsync();
            (nameless, sato) = (people[0].Id, people[1].Id);
        }

        // The manage page: a new name.
        (await app.Client().PutAsJsonAsync($"/api/rsvps/{mei.ManageToken}", new { name = "Lin Mei" })).EnsureSuccessStatusCode();
        // A merge: the kept record had no name and takes the other's.
        var gao = Ids(await SearchAsync(admin, "gao lin")).Single();
        (await admin.PostAsJsonAsync($"/api/attendees/{gao}/merge", new { intoAttendeeId = nameless })).EnsureSuccessStatusCode();
        // An import: a new person, and a name for the one known by address only.
        var eventId = await HistoryApi.CreateEventAsync(app, "imported");
        (await HistoryApi.ImportAsync(admin, eventId, """
            session_start,session_title,email,name,rsvp,attended
            2026-09-01T19:00,#1,hanako@example.com,ＹＡＭＡＤＡ Hanako,confirmed,yes
            2026-09-01T19:00,#1,sato@example.com,Ｓａｔｏ Ken,confirmed,yes
            """)).EnsureSuccessStatusCode();
        // An erasure.
        var minjun = Ids(await SearchAsync(admin, "minjun")).Single();
        (await admin.PostAsync($"/api/attendees/{minjun}/erase", null)).EnsureSuccessStatusCode();

        Assert.Equal(["Lin Mei"], Names(await SearchAsync(admin, "ＬＩＮ ＭＥＩ")));
        Assert.Equal([nameless], Ids(await SearchAsync(admin, "ＧＡＯ")));
        Assert.Equal(["ＹＡＭＡＤＡ Hanako"], Names(await SearchAsync(admin, "yamada hanako")));
        Assert.Equal([sato], Ids(await SearchAsync(admin, "SATO KEN")));
        Assert.Empty(await SearchAsync(admin, "Kim Minjun"));
        Assert.Equal(["Lin Mei"], Names((await admin.GetFromJsonAsync<JsonArray>($"/api/sessions/{session.Id}/rsvps?search=mei"))!));
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/sessions/{session.Id}/rsvps?search=KIM"))!);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/sessions/{session.Id}/rsvps?search=minjun"))!);
        await SearchNames.AssertFollowNamesAsync(app);
    }

    private static async Task<JsonArray> SearchAsync(HttpClient admin, string term)
        => (await admin.GetFromJsonAsync<JsonArray>($"/api/attendees?search={Uri.EscapeDataString(term)}"))!;

    private static string[] Names(JsonArray people) => [.. people.Select(p => (string?)p!["name"] ?? "").Order(StringComparer.Ordinal)];

    private static int[] Ids(JsonArray people) => [.. people.Select(p => (int)p!["id"]!)];
}
