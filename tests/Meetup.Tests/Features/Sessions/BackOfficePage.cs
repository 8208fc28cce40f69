using System.Net;
using Meetup.Testing;

namespace Meetup.Tests.Features.Sessions;

/// <summary>A back-office page's first (prerendered) HTML as a signed-in organizer reads it in a language.</summary>
internal static class BackOfficePage
{
    public static async Task<string> SignInAsync(TestApp app, string email = MeetupAppFactory.AdminEmail, string password = MeetupAppFactory.AdminPassword)
    {
        var response = await FormPost.SubmitAsync(app.Client(), "/account/login?returnUrl=%2Fadmin", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return FormPost.Cookies(response);
    }

    /// <summary>The page's HTML, asked for with <paramref name="acceptLanguage"/> (e.g. "ja-JP,ja;q=0.9").</summary>
    public static async Task<string> GetAsync(TestApp app, string path, string cookies, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await app.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
