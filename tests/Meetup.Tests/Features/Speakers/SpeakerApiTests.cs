using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Web.Features.Speakers;

namespace Meetup.Tests.Features.Speakers;

public class SpeakerApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_speaker_profile_can_be_created_found_and_edited(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();

        var created = await client.PostAsJsonAsync("/api/speakers", new { name = "Sato Kenji", company = "Kata Containers", jobTitle = "Maintainer", bio = "Runs **VMs** as containers.", links = new[] { "https://example.com/kenji" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var speaker = (await created.Content.ReadFromJsonAsync<SpeakerResource>())!;
        Assert.EndsWith($"/speakers/{speaker.Id}", speaker.PublicUrl, StringComparison.Ordinal);

        var found = await client.GetFromJsonAsync<List<SpeakerResource>>("/api/speakers?search=kata");
        Assert.Equal(speaker.Id, Assert.Single(found!).Id);

        var edited = await (await client.PutAsJsonAsync($"/api/speakers/{speaker.Id}", new { name = "Sato Kenji", company = "Ant Group" })).Content.ReadFromJsonAsync<SpeakerResource>();
        Assert.Equal("Ant Group", edited!.Company);
        Assert.Empty(edited.Links);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"A","links":["javascript:alert(1)"]}""", "links")]
    [InlineData("""{"name":"A","links":["not a url"]}""", "links")]
    public async Task Invalid_speakers_are_refused_with_the_field(string json, string field)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();

        var response = await client.PostAsync("/api/speakers", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await EventApiTests.AssertFieldError(response, field);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/speakers/1")).StatusCode);
    }
}
