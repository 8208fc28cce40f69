using System.Net;
using System.Net.Sockets;

namespace Meetup.Web.Features.Shared.Access;

/// <summary>
/// Who a request comes from, for rate limits and sign-in throttling (after the forwarded headers, when enabled).
/// An IPv6 client counts by its /64 network: one subscriber usually holds a whole /64 and could otherwise take a
/// fresh address per request.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
