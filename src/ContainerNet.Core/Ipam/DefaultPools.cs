using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Ipam;

/// <summary>
/// Where a network without -Subnet gets its subnet, as Docker chooses: 172.17.0.0/16 up to
/// 172.31.0.0/16, then 192.168.0.0/20 in /20 steps up to 192.168.240.0/20; the first that overlaps no
/// route or address already on the host and no other network.
/// </summary>
public static class DefaultPools
{
    public static IEnumerable<IPPrefix> Candidates()
    {
        for (int second = 17; second <= 31; second++)
            yield return new IPPrefix(new IPAddress(new byte[] { 172, (byte)second, 0, 0 }), 16);
        for (int third = 0; third < 256; third += 16)
            yield return new IPPrefix(new IPAddress(new byte[] { 192, 168, (byte)third, 0 }), 20);
    }

    /// <param name="taken">Subnets of routes, addresses and networks that a new subnet must not overlap.</param>
    public static IPPrefix Choose(IEnumerable<IPPrefix> taken)
    {
        var busy = taken.ToList();
        foreach (IPPrefix candidate in Candidates())
        {
            if (!busy.Any(other => Overlaps(candidate, other)))
                return candidate;
        }
        throw new ContainerNetException("DefaultPoolsExhausted", ErrorKind.ResourceBusy, null,
            "Every default subnet (172.17-31.0.0/16, 192.168.0-240.0/20) overlaps a route, an address or a network already here. Give the network a -Subnet of its own.");
    }

    public static bool Overlaps(IPPrefix a, IPPrefix b)
    {
        if (a.Family != b.Family)
            return false;
        int shorter = Math.Min(a.PrefixLength, b.PrefixLength);
        return IPPrefix.Mask(a.Address, shorter).Equals(IPPrefix.Mask(b.Address, shorter));
    }
}
