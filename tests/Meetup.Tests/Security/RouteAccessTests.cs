using System.Net;
using System.Text;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Rsvps;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Shared.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Meetup.Tests.Security;

/// <summary>
/// Every route the app maps (minimal API endpoints, downloads and Razor component pages, read from the app's own
/// <see cref="EndpointDataSource"/>), called with every method its metadata names, as each caller: anonymous, an
/// attendee holding a manage link, a door helper, an organizer and an admin. Each answer must be the one
/// <see cref="RoutePolicy"/> gives, and never a 5xx. A route missing from the table fails the test.
/// </summary>
public class RouteAccessTests(ITestOutputHelper output)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_route_answers_every_caller_as_the_policy_table_says_and_never_with_a_5xx(string provider)
    {
        await using var app = await RsvpKit.StartAsync(provider);
        var routes = Routes(app);
        var missing = routes.Select(r => r.Key).Where(k => !RoutePolicy.Routes.ContainsKey(k)).ToList();
        var gone = RoutePolicy.Routes.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(missing.Count == 0,
            "Routes nobody reviewed: decide who may call them, then add them to RoutePolicy and SECURITY.md:\n" + string.Join('\n', missing));
        Assert.True(gone.Count == 0, "RoutePolicy names routes the app no longer maps:\n" + string.Join('\n', gone));

        var callers = await CallersAsync(app);
        var shared = await RouteWorld.SeedAsync(callers.Api[Caller.Admin], app.Client());
        var unknownToken = ManageTokens.New();
        var failures = new List<string>();
        var calls = 0;
        foreach (var (key, method, template, accepts) in routes)
        {
            var rule = RoutePolicy.Routes[key];
            foreach (var caller in Enum.GetValues<Caller>())
            {
                // A GET or a refused call changes nothing, so they share one world; an allowed call that may change
                // something (cancel, erase, delete) gets its own.
                var world = method == "GET" || rule.For(caller) != Access.Allowed ? shared : await RouteWorld.SeedAsync(callers.Api[Caller.Admin], app.Client());
                var url = world.Fill(template, caller == Caller.Anonymous ? unknownToken : world.Token);
                Assert.True(url is not null, $"{key}: a route parameter RouteWorld cannot fill; teach it.");
                calls++;
                using var response = await TrySendAsync(failures, $"{key} as {caller}", app, callers, caller, method, url!, accepts, cookieOnApi: false);
                if (response is not null)
                {
                    Check(failures, $"{key} as {caller}", rule.For(caller), response);
                }

                // The sign-in cookie never opens the API: a forged cross-site request carries no power.
                if (caller == Caller.Admin && url!.StartsWith("/api/", StringComparison.Ordinal))
                {
                    var asAnonymous = world.Fill(template, unknownToken)!;
                    calls++;
                    var what = $"{key} with an admin's cookie but no bearer token";
                    using var withCookie = await TrySendAsync(failures, what, app, callers, Caller.Admin, method, asAnonymous, accepts, cookieOnApi: true);
                    if (withCookie is not null)
                    {
                        Check(failures, what, rule.Anonymous, withCookie);
                    }
                }
            }
        }
        output.WriteLine($"{routes.Count} routes, {calls} calls.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} answers differ from RoutePolicy:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Static_assets_carry_no_authorization_and_need_none()
    {
        await using var app = await RsvpKit.StartAsync("Sqlite");
        var assets = Endpoints(app).Where(IsStaticAsset).ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, e => Assert.Empty(e.Metadata.GetOrderedMetadata<IAuthorizeData>()));
    }

    private static void Check(List<string> failures, string what, Access expected, HttpResponseMessage response)
    {
        var got = Classify(response);
        if ((int)response.StatusCode >= 500 || got != expected)
        {
            failures.Add($"{what}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private static Access Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location;
        var path = location is null ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return status switch
        {
            401 => Access.Unauthorized,
            403 => Access.Forbidden,
            404 => Access.NotFound,
            >= 300 and < 400 when path.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) => Access.ToLogin,
            >= 300 and < 400 when path.StartsWith("/account/access-denied", StringComparison.OrdinalIgnoreCase) => Access.ToAccessDenied,
            _ => Access.Allowed,
        };
    }

    // The test server hands a server-side exception to the caller; in production it would be a 500.
    private static async Task<HttpResponseMessage?> TrySendAsync(
        List<string> failures, string what, TestApp app, Callers callers, Caller caller, string method, string url, string? accepts, bool cookieOnApi)
    {
        try
        {
            return await SendAsync(app, callers, caller, method, url, accepts, cookieOnApi);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            failures.Add($"{what}: the server threw {ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(
        TestApp app, Callers callers, Caller caller, string method, string url, string? accepts, bool cookieOnApi)
    {
        var api = url.StartsWith("/api/", StringComparison.Ordinal);
        var client = api && !cookieOnApi ? callers.Api[caller] : app.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if ((!api || cookieOnApi) && callers.Cookies.TryGetValue(caller, out var cookie))
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (method is "POST" or "PUT" or "PATCH")
        {
            // An empty body: enough to pass or fail authorization, never enough to change much.
            // (Of the type the endpoint accepts: routing answers 415 to any other before authorization runs.)
            request.Content = accepts is not null && accepts != "application/json"
                ? new StringContent("", Encoding.UTF8, accepts)
                : api ? new StringContent("{}", Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
        }
        return await client.SendAsync(request);
    }

    private sealed record Callers(Dictionary<Caller, HttpClient> Api, Dictionary<Caller, string> Cookies);

    private static async Task<Callers> CallersAsync(TestApp app)
    {
        var accounts = new Dictionary<Caller, (string Email, string Password)>
        {
            [Caller.DoorHelper] = ("door@test.example", "door-helper-pass"),
            [Caller.Organizer] = ("organizer@test.example", "organizer-pass"),
            [Caller.Admin] = (MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword),
        };
        using (var scope = app.Factory.Services.CreateScope())
        {
            var create = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
            Assert.True((await create.CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper))).Succeeded);
            Assert.True((await create.CreateAsync(new NewAccount("Organizer", "organizer@test.example", "organizer-pass", Roles.Organizer))).Succeeded);
        }
        var api = new Dictionary<Caller, HttpClient> { [Caller.Anonymous] = app.Client(), [Caller.Attendee] = app.Client() };
        var cookies = new Dictionary<Caller, string>();
        foreach (var (caller, (email, password)) in accounts)
        {
            api[caller] = await app.ApiClientAsync(email, password);
            var signIn = await FormPost.SubmitAsync(app.Client(), "/account/login", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            cookies[caller] = FormPost.Cookies(signIn);
        }
        return new Callers(api, cookies);
    }

    private static List<RouteEndpoint> Endpoints(TestApp app)
        => [.. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static bool IsStaticAsset(Endpoint endpoint)
        => endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    /// <summary>("METHOD /template", method, template, the content type it accepts) for every route but static files.</summary>
    private static List<(string Key, string Method, string Template, string? Accepts)> Routes(TestApp app)
    {
        var routes = new List<(string, string, string, string?)>();
        foreach (var endpoint in Endpoints(app).Where(e => !IsStaticAsset(e)))
        {
            var raw = endpoint.RoutePattern.RawText ?? "";
            var template = "/" + raw.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => Methods.Contains(m, StringComparer.OrdinalIgnoreCase)).Select(m => m.ToUpperInvariant()))
            {
                routes.Add(($"{method} {template}", method, template, endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault()));
            }
        }
        return [.. routes.DistinctBy(r => r.Item1).OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }
}
