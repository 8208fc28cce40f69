using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Meetup.Testing;

namespace Meetup.Tests.Hosting;

/// <summary>The Blazor hub (/_blazor) over a real socket: pages of another site cannot open a circuit.</summary>
public class BlazorHubOriginTests
{
    private const string Foreign = "https://evil.example";

    [Fact]
    public async Task Negotiate_from_another_site_is_refused_and_from_the_site_itself_works()
    {
        await using var app = await KestrelApp.StartAsync();
        using var http = new HttpClient();

        using var foreign = await NegotiateAsync(http, app.BaseUrl, Foreign);
        using var same = await NegotiateAsync(http, app.BaseUrl, app.BaseUrl);
        using var noOrigin = await NegotiateAsync(http, app.BaseUrl, origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noOrigin.StatusCode);
    }

    [Fact]
    public async Task A_websocket_from_another_site_is_refused_and_from_the_site_itself_opens()
    {
        await using var app = await KestrelApp.StartAsync();
        using var http = new HttpClient();

        var foreign = await ConnectAsync(app.BaseUrl, await ConnectionTokenAsync(http, app.BaseUrl), Foreign);
        var same = await ConnectAsync(app.BaseUrl, await ConnectionTokenAsync(http, app.BaseUrl), app.BaseUrl);

        Assert.Equal((WebSocketState.Closed, HttpStatusCode.Forbidden), foreign);
        Assert.Equal(WebSocketState.Open, same.State);
    }

    [Theory]
    [InlineData("http://localhost:5000", "localhost:5000", null, true)]
    [InlineData("https://meetup.example", "internal:8080", "https://meetup.example/", true)]
    [InlineData("https://evil.example", "localhost:5000", null, false)]
    [InlineData("http://localhost:5001", "localhost:5000", null, false)]
    [InlineData("null", "localhost:5000", null, false)]
    [InlineData("file://localhost:5000", "localhost:5000", null, false)]
    public void Only_the_sites_own_origin_is_allowed(string origin, string host, string? publicBaseUrl, bool allowed)
    {
        var publicAuthority = publicBaseUrl is null ? null : new Uri(publicBaseUrl).Authority;
        Assert.Equal(allowed, Meetup.Web.Hosting.BlazorHubOrigin.IsAllowed(origin, new Microsoft.AspNetCore.Http.HostString(host), publicAuthority));
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient http, string baseUrl, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await http.SendAsync(request);
    }

    private static async Task<string> ConnectionTokenAsync(HttpClient http, string baseUrl)
    {
        using var response = await NegotiateAsync(http, baseUrl, baseUrl);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString()!;
    }

    private static async Task<(WebSocketState State, HttpStatusCode Status)> ConnectAsync(string baseUrl, string token, string origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        var url = new Uri($"{baseUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/_blazor?id={Uri.EscapeDataString(token)}");
        try
        {
            await socket.ConnectAsync(url, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Refused during the handshake: the status code tells why.
        }
        return (socket.State, socket.HttpStatusCode);
    }
}
