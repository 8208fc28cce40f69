using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Sessions;

/// <summary>Publish takes the editor's form as it stands: saved and published in one step, or neither.</summary>
public class SessionPublishTests
{
    private static object Edited(string? venueName = "Hall Sakura") => new
    {
        title = "Kubernetes 入門 #1: Pods",
        startsAt = "2026-12-17T19:00",
        durationMinutes = 100,
        format = "in_person",
        venueName,
        venueAddress = "4-5-6 Shinjuku, Tokyo",
        capacity = 45,
        languages = new[] { "ja" },
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_with_the_edited_fields_saves_them_and_publishes_them_together(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client);
        var draft = await SessionApiTests.CreateSessionAsync(client, ev.Id);

        var response = await client.PostAsJsonAsync($"/api/sessions/{draft.Id}/publish", Edited());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = (await response.Content.ReadFromJsonAsync<SessionResource>())!;
        Assert.Equal(("published", "Kubernetes 入門 #1: Pods", 45, "Hall Sakura"), (published.Status, published.Title, published.Capacity, published.VenueName));
        Assert.Equal(new DateTime(2026, 12, 17, 10, 0, 0, DateTimeKind.Utc), published.StartsAt);
        Assert.Equal(0, published.Sequence); // a draft's edits are not a change anyone's calendar has seen
        await using var db = app.Factory.CreateDbContext();
        var stored = await db.Sessions.SingleAsync(s => s.Id == draft.Id);
        Assert.Equal((SessionStatus.Published, "Kubernetes 入門 #1: Pods", 45, "Hall Sakura"), (stored.Status, stored.Title, stored.Capacity, stored.VenueName));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_with_an_invalid_edit_names_the_field_and_neither_saves_nor_publishes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client);
        var draft = await SessionApiTests.CreateSessionAsync(client, ev.Id);

        var response = await client.PostAsJsonAsync($"/api/sessions/{draft.Id}/publish", Edited(venueName: " "));

        await EventApiTests.AssertFieldError(response, "venueName");
        await using var db = app.Factory.CreateDbContext();
        var stored = await db.Sessions.SingleAsync(s => s.Id == draft.Id);
        Assert.Equal((SessionStatus.Draft, draft.Title, draft.Capacity), (stored.Status, stored.Title, stored.Capacity));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_service_saves_and_publishes_the_form_in_one_call_and_a_bodyless_publish_still_works(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(client);
        var first = await SessionApiTests.CreateSessionAsync(client, ev.Id);
        var second = await SessionApiTests.CreateSessionAsync(client, ev.Id);
        using var scope = app.Factory.Services.CreateScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();

        var edited = await sessions.PublishAsync(first.Id, new SessionInput
        {
            Title = "Renamed",
            StartsAt = "2026-12-16T18:00",
            DurationMinutes = 90,
            Format = "online",
            OnlineUrl = "https://meet.example.com/k8s",
            Capacity = 80,
            Languages = ["en"],
        });
        var plain = await (await client.PostAsync($"/api/sessions/{second.Id}/publish", null)).Content.ReadFromJsonAsync<SessionResource>();

        Assert.True(edited.Succeeded);
        Assert.Equal(("published", "Renamed", "online", 80), (edited.Value!.Status, edited.Value.Title, edited.Value.Format, edited.Value.Capacity));
        Assert.Equal(("published", second.Title), (plain!.Status, plain.Title));
    }
}
