using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Import.HistoryApi;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// The dashboard's and import screen's download links: the same files as the API's, for an organizer signed in with
/// the back office's cookie (the API itself takes bearer tokens only).
/// </summary>
public class OrganizerDownloadTests
{
    [Theory]
    [InlineData("retention.csv")]
    [InlineData("attendance.csv")]
    [InlineData("retention.csv?from=2018-10-01&to=2018-12-31")]
    public async Task A_signed_in_organizer_downloads_the_same_file_as_the_api_gives(string file)
    {
        await using var app = await StartAsync("Sqlite");
        var api = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, eventId, ExampleCsv())).StatusCode);
        var fromApi = await api.GetAsync($"/api/events/{eventId}/{file}");
        var cookies = await SignInAsync(app, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);

        var download = await GetAsync(app, $"/admin/events/{eventId}/{file}", cookies);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var text = await download.Content.ReadAsStringAsync();
        Assert.Contains('\n', text);
        Assert.Equal(await fromApi.Content.ReadAsStringAsync(), text);
    }

    [Fact]
    public async Task Nobody_else_gets_the_files_and_bad_input_gets_a_clear_answer()
    {
        await using var app = await StartAsync("Sqlite");
        var eventId = await CreateEventAsync(app);
        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>()
                .CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper));
        }
        var door = await SignInAsync(app, "door@test.example", "door-helper-pass");
        var admin = await SignInAsync(app, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);

        var anonymous = await GetAsync(app, $"/admin/events/{eventId}/retention.csv", cookies: null);
        var helper = await GetAsync(app, $"/admin/events/{eventId}/attendance.csv", door);
        var missing = await GetAsync(app, "/admin/events/9999/retention.csv", admin);
        var badDate = await GetAsync(app, $"/admin/events/{eventId}/retention.csv?from=yesterday", admin);

        // .NET 10's cookie handler answers 401 (no login redirect) for endpoints that are not pages.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, helper.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("yyyy-MM-dd", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> SignInAsync(TestApp app, string email, string password)
    {
        var response = await FormPost.SubmitAsync(app.Client(), "/account/login?returnUrl=%2Fadmin", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return FormPost.Cookies(response);
    }

    private static async Task<HttpResponseMessage> GetAsync(TestApp app, string path, string? cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }
        return await app.Client().SendAsync(request);
    }
}
