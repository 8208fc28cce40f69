using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Testing;

/// <summary>The app on a real Kestrel socket (loopback, a free port) for browser tests.</summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private KestrelApp(MeetupAppFactory factory, string baseUrl)
    {
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public MeetupAppFactory Factory { get; }
    public string BaseUrl { get; }

    public static async Task<KestrelApp> StartAsync(string provider = "Sqlite", IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new MeetupAppFactory(database, settings, time);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelApp(factory, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }
}
