using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Meetup.Tests.Features.Rsvps;

public partial class CalendarUidTests
{
    [Fact]
    public async Task The_ics_of_an_rsvp_and_the_public_feed_name_a_session_by_the_same_uid()
    {
        // A calendar app that imported the attendee's .ics and also subscribes to the feed must see one entry, not two.
        await using var app = await RsvpKit.StartAsync("Sqlite", settings: new Dictionary<string, string?> { ["Meetup:CalendarUidDomain"] = "calendar.example.org" });
        var admin = await app.ApiClientAsync();
        var session = await RsvpKit.PublishedSessionAsync(admin, capacity: 5, startsAt: DateTimeOffset.UtcNow.AddDays(10));
        var rsvp = await (await RsvpKit.RsvpAsync(app.Client(), session.Id, "Aiko", "aiko@example.com")).Content.ReadFromJsonAsync<RsvpBody>();

        var personal = await app.Client().GetStringAsync($"/rsvp/{rsvp!.ManageToken}/calendar.ics");
        var feed = await app.Client().GetStringAsync(new Uri(session.CalendarUrl).AbsolutePath);

        Assert.Equal($"session-{session.Id}@calendar.example.org", Uid().Match(personal).Groups[1].Value.Trim());
        Assert.Equal(Uid().Match(personal).Groups[1].Value.Trim(), Uid().Match(feed).Groups[1].Value.Trim());
    }

    [GeneratedRegex(@"UID:([^\r\n]+)")]
    private static partial Regex Uid();

    private sealed record RsvpBody(string Status, string ManageToken);
}
