using System.Net;
using System.Net.Sockets;
using ContainerNet.Netlink.Constants;

namespace ContainerNet.Core.Addressing;

/// <summary>Between <see cref="IPFamily"/>, .NET addresses and the kernel's AF_* family codes.</summary>
public static class AddressFamilies
{
    /// <summary>AF_INET, AF_INET6, or AF_UNSPEC (both) for null: the family field of a dump request.</summary>
    public static byte ToKernel(IPFamily? family) => family switch
    {
        IPFamily.IPv4 => RtnetlinkConstants.AF_INET,
        IPFamily.IPv6 => RtnetlinkConstants.AF_INET6,
        _ => RtnetlinkConstants.AF_UNSPEC,
    };

    public static IPFamily Of(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? IPFamily.IPv6 : IPFamily.IPv4;
}
