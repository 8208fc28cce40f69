using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Meetup.Testing;
using Meetup.Web.Features.Events;

namespace Meetup.Tests.Features.PublicSite;

/// <summary>
/// Renaming an event's address must not break what people saved: the old event page redirects to the new one, and
/// calendar apps subscribed to the old feed keep getting it — until another event takes the old address.
/// </summary>
public class SlugRenameTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Old_addresses_keep_working_after_a_rename_until_another_event_takes_them(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.ApiClientAsync();
        var ev = (await (await api.PostAsJsonAsync("/api/events", new { name = "Go Study", slug = "go-study" })).Content.ReadFromJsonAsync<EventResource>())!;
        var session = await Rsvps.RsvpKit.PublishedSessionAsync(api, 10, DateTimeOffset.UtcNow.AddDays(7), eventId: ev.Id);

        (await api.PutAsJsonAsync($"/api/events/{ev.Id}", new { name = "Go Study", slug = "go-study-tokyo" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/events/{ev.Id}", new { name = "Go Study", slug = "gophers-tokyo" })).EnsureSuccessStatusCode();
        var web = app.Client();

        foreach (var old in new[] { "go-study", "go-study-tokyo" })
        {
            var page = await web.GetAsync($"/events/{old}");
            Assert.True(page.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently, $"{old}: {page.StatusCode}");
            Assert.Equal("/events/gophers-tokyo", Path(page));

            var feed = await web.GetAsync($"/events/{old}/calendar.ics");
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
            Assert.Equal(session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(calendar.Events).Uid!.Split('@')[0]["session-".Length..]);
        }
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/events/gophers-tokyo")).StatusCode);

        // Going back to an old address works, and it is no longer listed as an old one.
        (await api.PutAsJsonAsync($"/api/events/{ev.Id}", new { name = "Go Study", slug = "go-study" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/events/go-study")).StatusCode);
        Assert.Equal("/events/go-study", Path(await web.GetAsync("/events/gophers-tokyo")));

        // Another event may take a former address; then it is that event's.
        var other = await api.PostAsJsonAsync("/api/events", new { name = "Gophers", slug = "gophers-tokyo" });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/events/gophers-tokyo")).StatusCode);
        var otherFeed = Calendar.Load(await (await web.GetAsync("/events/gophers-tokyo/calendar.ics")).Content.ReadAsStringAsync())!;
        Assert.Empty(otherFeed.Events);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync("/events/never-was")).StatusCode);
    }

    private static string Path(HttpResponseMessage redirect)
        => redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : redirect.Headers.Location!.OriginalString;
}
