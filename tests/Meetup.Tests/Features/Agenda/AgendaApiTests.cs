using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Tests.Features.Sessions;
using Meetup.Web.Features.Agenda;
using Meetup.Web.Features.Speakers;

namespace Meetup.Tests.Features.Agenda;

public class AgendaApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_agenda_keeps_its_order_kinds_and_speakers(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client);
        var session = await SessionApiTests.CreateSessionAsync(client, ev.Id);
        var speaker = await (await client.PostAsJsonAsync("/api/speakers", new { name = "Liu Yang", company = "PingCAP" })).Content.ReadFromJsonAsync<SpeakerResource>();

        var put = await client.PutAsJsonAsync($"/api/sessions/{session.Id}/agenda", new object[]
        {
            new { title = "Review of #1", kind = "review", durationMinutes = 50 },
            new { title = "TiDB internals", kind = "talk", durationMinutes = 50, speakerIds = new[] { speaker!.Id } },
            new { title = "Q&A", kind = "qa", durationMinutes = 10 },
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var agenda = (await client.GetFromJsonAsync<List<AgendaItemResource>>($"/api/sessions/{session.Id}/agenda"))!;
        Assert.Equal(["Review of #1", "TiDB internals", "Q&A"], agenda.Select(a => a.Title));
        Assert.Equal(["review", "talk", "qa"], agenda.Select(a => a.Kind));
        Assert.Equal("Liu Yang", Assert.Single(agenda[1].Speakers).Name);

        // Replacing the list reorders it.
        await client.PutAsJsonAsync($"/api/sessions/{session.Id}/agenda", new object[]
        {
            new { title = "TiDB internals", kind = "talk", durationMinutes = 50, speakerIds = new[] { speaker.Id } },
            new { title = "Review of #1", kind = "review", durationMinutes = 50 },
        });
        var reordered = (await client.GetFromJsonAsync<List<AgendaItemResource>>($"/api/sessions/{session.Id}/agenda"))!;
        Assert.Equal(["TiDB internals", "Review of #1"], reordered.Select(a => a.Title));
    }

    [Theory]
    [InlineData("""[{"title":"","kind":"talk","durationMinutes":50}]""", "agenda[0].title")]
    [InlineData("""[{"title":"A","kind":"keynote","durationMinutes":50}]""", "agenda[0].kind")]
    [InlineData("""[{"title":"A","kind":"talk","durationMinutes":50},{"title":"B","kind":"talk","durationMinutes":-5}]""", "agenda[1].durationMinutes")]
    [InlineData("""[{"title":"A","kind":"talk","durationMinutes":50,"speakerIds":[424242]}]""", "agenda[0].speakerIds")]
    public async Task A_bad_item_refuses_the_whole_agenda(string json, string field)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client);
        var session = await SessionApiTests.CreateSessionAsync(client, ev.Id);
        await client.PutAsJsonAsync($"/api/sessions/{session.Id}/agenda", new[] { new { title = "Keep me", kind = "talk", durationMinutes = 30 } });

        var response = await client.PutAsync($"/api/sessions/{session.Id}/agenda", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await EventApiTests.AssertFieldError(response, field);
        var agenda = await client.GetFromJsonAsync<List<AgendaItemResource>>($"/api/sessions/{session.Id}/agenda");
        Assert.Equal("Keep me", Assert.Single(agenda!).Title);
    }
}
