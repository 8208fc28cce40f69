using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Primitives;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// The one rule for where absolute links point (API answers, emails, calendar files, QR codes): on
/// <c>Meetup:PublicBaseUrl</c>; without it, on the request's own host only when <c>AllowedHosts</c> names it (a bare
/// <c>*</c> names nobody); else on the address this server listens on, a wildcard address read as localhost (right on a
/// developer's machine; elsewhere the start-up log warns). Never simply on the Host a request claims: anyone can send
/// any Host, and a manage link emailed on their host hands them the token at the first click.
/// </summary>
public sealed class PublicBase(IConfiguration config, IServer server)
{
    /// <summary><c>Meetup:PublicBaseUrl</c> without a trailing slash, or null when unset.</summary>
    public string? Configured => config["Meetup:PublicBaseUrl"] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim().TrimEnd('/') : null;

    /// <summary>The host names <c>AllowedHosts</c> lists (<c>example.org</c>, <c>*.example.org</c>), without the catch-all <c>*</c>.</summary>
    public IReadOnlyList<string> AllowedHosts => [.. (config["AllowedHosts"] ?? "")
        .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(h => h != "*")];

    /// <summary>The base for links answered to <paramref name="request"/>.</summary>
    public string For(HttpRequest request)
        => Configured ?? (Allows(request.Host.Host) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : ServerAddress);

    /// <summary>The base for links built on one that came from elsewhere (a circuit's address, a queued email's base).</summary>
    public string For(string? candidate)
        => Configured ?? (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && Allows(uri.IdnHost)
            ? candidate!.TrimEnd('/')
            : ServerAddress);

    public bool Allows(string host)
    {
        var hosts = AllowedHosts;
        return host.Length > 0 && hosts.Count > 0 && HostString.MatchesAny(new StringSegment(host), [.. hosts.Select(h => new StringSegment(h))]);
    }

    /// <summary>Where this server listens (https first); <c>http://localhost</c> before it listens or without a socket.</summary>
    public string ServerAddress
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
            // Kestrel writes "listen on every interface" as +, * or the unspecified address: this machine is localhost.
            address = address?.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                return "http://localhost";
            }
            var builder = new UriBuilder(uri);
            if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                && System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                && (ip.Equals(System.Net.IPAddress.Any) || ip.Equals(System.Net.IPAddress.IPv6Any)))
            {
                builder.Host = "localhost";
            }
            return builder.Uri.GetLeftPart(UriPartial.Authority);
        }
    }
}
