using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Web.Features.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Sessions;

/// <summary>
/// "Schedule next" and "Repeat…": the RSVP window keeps its place before the start; copied text is recognisable; a copy of
/// an old session lands on its first cadence date after now, never in the past.
/// </summary>
public class SessionCopyTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static async Task<SessionResource> WindowedSessionAsync(HttpClient client, int eventId)
    {
        // Tuesday 24 Feb 2026 19:00 (EST); RSVP from the Tuesday before at noon until 17:00 on the day.
        var response = await client.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
        {
            title = "Go night #7",
            description = "Generics, part 1.",
            startsAt = "2026-02-24T19:00",
            durationMinutes = 120,
            format = "online",
            onlineUrl = "https://meet.example.com/go",
            capacity = 50,
            languages = new[] { "en" },
            rsvpOpensAt = "2026-02-17T12:00",
            rsvpClosesAt = "2026-02-24T17:00",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionResource>())!;
    }

    /// <summary>Before the source session (Tuesday 24 Feb 2026): its next cadence date is the first one ahead.</summary>
    private static FakeTimeProvider BeforeTheSource() => new(new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero));

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), NewYork);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Schedule_next_puts_the_rsvp_window_at_the_same_local_times_before_the_new_start_across_daylight_saving(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, time: BeforeTheSource());
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client, "America/New_York");
        var first = await WindowedSessionAsync(client, ev.Id);

        var response = await client.PostAsync($"/api/sessions/{first.Id}/schedule-next", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var next = (await response.Content.ReadFromJsonAsync<SessionResource>())!;
        Assert.Equal(new DateTime(2026, 3, 10, 19, 0, 0), Local(next.StartsAt)); // EDT since 8 March
        Assert.Equal(new DateTime(2026, 3, 3, 12, 0, 0), Local(next.RsvpOpensAt!.Value)); // still noon, a week before
        Assert.Equal(new DateTime(2026, 3, 10, 17, 0, 0), Local(next.RsvpClosesAt!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Repeat_gives_every_copy_its_window_before_its_own_start(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, time: BeforeTheSource());
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client, "America/New_York");
        var first = await WindowedSessionAsync(client, ev.Id);

        (await client.PostAsJsonAsync($"/api/sessions/{first.Id}/repeat", new { count = 3 })).EnsureSuccessStatusCode();

        var copies = (await client.GetFromJsonAsync<List<SessionResource>>($"/api/events/{ev.Id}/sessions"))!.Skip(1).ToList();
        Assert.Equal(3, copies.Count);
        Assert.All(copies, c =>
        {
            Assert.Equal(Local(c.StartsAt).Date.AddDays(-7).AddHours(12), Local(c.RsvpOpensAt!.Value));
            Assert.Equal(Local(c.StartsAt).Date.AddHours(17), Local(c.RsvpClosesAt!.Value));
        });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_copy_knows_its_title_and_description_are_still_the_last_sessions_until_they_are_replaced(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, time: BeforeTheSource());
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client, "America/New_York");
        var first = await WindowedSessionAsync(client, ev.Id);
        var next = (await (await client.PostAsync($"/api/sessions/{first.Id}/schedule-next", null)).Content.ReadFromJsonAsync<SessionResource>())!;
        using var scope = app.Factory.Services.CreateScope();
        var scheduling = scope.ServiceProvider.GetRequiredService<SessionScheduling>();

        var repeated = await scheduling.RepeatedFromAsync(next.Id);

        Assert.NotNull(repeated);
        Assert.Equal((first.Id, "Go night #7"), (repeated.Id, repeated.Title));
        Assert.True(repeated.Copied(next.Title), "'Go night #8' is the numbered copy");
        Assert.True(repeated.Copied("Go night #7"));
        Assert.False(repeated.Copied("Go night #8: generics, part 2"));
        Assert.True(repeated.CopiedDescription(next.Description));
        Assert.False(repeated.CopiedDescription("Generics, part 2."));
        Assert.Null(await scheduling.RepeatedFromAsync(first.Id)); // nothing before it
        await client.PostAsync($"/api/sessions/{next.Id}/publish", null);
        Assert.Null(await scheduling.RepeatedFromAsync(next.Id)); // only drafts ask
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Schedule_next_from_an_old_session_lands_on_the_first_cadence_date_after_now_at_the_same_local_time(string provider)
    {
        // 1 Dec 2026 is the 20th cadence date (every two weeks) after 24 Feb; one minute before its 19:00 EST.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 59, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(provider, time: time);
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client, "America/New_York");
        var old = await WindowedSessionAsync(client, ev.Id);

        var justInTime = (await (await client.PostAsync($"/api/sessions/{old.Id}/schedule-next", null)).Content.ReadFromJsonAsync<SessionResource>())!;
        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)); // 19:00 EST: that one has started
        var next = (await (await client.PostAsync($"/api/sessions/{old.Id}/schedule-next", null)).Content.ReadFromJsonAsync<SessionResource>())!;

        Assert.Equal(new DateTime(2026, 12, 1, 19, 0, 0), Local(justInTime.StartsAt));
        Assert.Equal(new DateTime(2026, 12, 15, 19, 0, 0), Local(next.StartsAt)); // the next one ahead, 19:00 EST as in February
        Assert.Equal(new DateTime(2026, 12, 8, 12, 0, 0), Local(next.RsvpOpensAt!.Value)); // the window keeps its place before it
        Assert.Equal(new DateTime(2026, 12, 15, 17, 0, 0), Local(next.RsvpClosesAt!.Value));
        Assert.Equal(next.StartsAt.AddHours(2), next.EndsAt);
        Assert.Equal(("Go night #8", "draft"), (next.Title, next.Status)); // numbered by sessions, not by the dates skipped
    }

    [Fact]
    public async Task Repeat_from_an_old_session_starts_at_the_first_cadence_date_after_now()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync("Sqlite", time: time);
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client, "America/New_York");
        var old = await WindowedSessionAsync(client, ev.Id);

        (await client.PostAsJsonAsync($"/api/sessions/{old.Id}/repeat", new { count = 3 })).EnsureSuccessStatusCode();

        var copies = (await client.GetFromJsonAsync<List<SessionResource>>($"/api/events/{ev.Id}/sessions"))!.Where(c => c.Id != old.Id).ToList();
        Assert.Equal(
            [new DateTime(2026, 12, 15, 19, 0, 0), new DateTime(2026, 12, 29, 19, 0, 0), new DateTime(2027, 1, 12, 19, 0, 0)],
            copies.Select(c => Local(c.StartsAt)));
        Assert.Equal(["Go night #8", "Go night #9", "Go night #10"], copies.Select(c => c.Title));
    }
}
