using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Meetup.Web.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer (section "ForwardedHeaders"): with <c>Enabled</c>, the client's address and
/// scheme come from X-Forwarded-For / X-Forwarded-Proto, but only when the request arrives from a trusted proxy —
/// <c>KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>); with neither listed, a proxy on
/// the same machine (loopback). A listed proxy replaces the loopback default.
/// Rate limits then apply per client instead of to everyone behind the proxy at once.
/// </summary>
internal static class ForwardedHeadersSetup
{
    private const string Section = "ForwardedHeaders";

    public static void AddMeetupForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        if (!section.GetValue<bool>("Enabled"))
        {
            return;
        }
        var proxies = Values(section, "KnownProxies").Select(text => IPAddress.TryParse(text, out var address)
            ? address : throw Invalid("KnownProxies", text, "an IP address")).ToList();
        var networks = Values(section, "KnownNetworks").Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network : throw Invalid("KnownNetworks", text, "a network in CIDR notation such as 10.0.0.0/8")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = section.GetValue("ForwardLimit", 1);
            if (proxies.Count + networks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
            }
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
    }

    public static void UseMeetupForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).GetValue<bool>("Enabled"))
        {
            app.UseForwardedHeaders();
        }
    }

    private static IEnumerable<string> Values(IConfigurationSection section, string key)
        => (section.GetSection(key).Get<string[]>() ?? []).Select(v => v.Trim());

    private static InvalidOperationException Invalid(string key, string text, string expected)
        => new($"{Section}:{key} has \"{text}\", which is not {expected}.");
}
