using System.Net;
using System.Numerics;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Ipam;

/// <summary>
/// Hands out endpoint addresses of one subnet, as Docker's IPAM does: the lowest free address of the
/// allocation range (the whole subnet unless -IPRange narrows it), never the network address, the
/// IPv4 broadcast address or the gateway; an address asked for explicitly is checked the same way.
/// Pure logic: the caller supplies what is in use (from the state store) and records the result.
/// </summary>
public sealed class AddressAllocator
{
    private readonly BigInteger _first;
    private readonly BigInteger _last;

    public AddressAllocator(IPPrefix subnet, IPAddress? gateway = null, IPPrefix? range = null)
    {
        if (subnet.HasHostBits)
            throw new ContainerNetException("InvalidSubnet", ErrorKind.InvalidArgument, subnet.ToString(),
                $"{subnet} is an address, not a network. Did you mean {subnet.Network}/{subnet.PrefixLength}?");
        Subnet = subnet;
        if (range is { } r && !(DefaultPools.Overlaps(r, subnet) && r.PrefixLength >= subnet.PrefixLength))
            throw new ContainerNetException("RangeOutsideSubnet", ErrorKind.InvalidArgument, r.ToString(),
                $"IP range {r} is not inside subnet {subnet}. Give a range within the subnet, e.g. {subnet.Network}/{Math.Min(subnet.MaxPrefixLength, subnet.PrefixLength + 1)}.");
        Range = range ?? subnet;
        Gateway = gateway ?? FirstHost(subnet);
        if (!subnet.Contains(Gateway))
            throw new ContainerNetException("GatewayOutsideSubnet", ErrorKind.InvalidArgument, Gateway.ToString(),
                $"Gateway {Gateway} is not inside subnet {subnet}. Give a gateway within the subnet, e.g. {FirstHost(subnet)}.");

        BigInteger network = ToNumber(subnet.Network);
        BigInteger size = BigInteger.One << (subnet.MaxPrefixLength - subnet.PrefixLength);
        BigInteger lowest = network + 1;                                   // never the network address
        BigInteger highest = network + size - (subnet.Family == IPFamily.IPv4 ? 2 : 1); // nor the IPv4 broadcast
        BigInteger gatewayNumber = ToNumber(Gateway);
        if (gatewayNumber < lowest || gatewayNumber > highest)
            throw new ContainerNetException("InvalidGateway", ErrorKind.InvalidArgument, Gateway.ToString(),
                $"Gateway {Gateway} is the {(gatewayNumber < lowest ? "network" : "broadcast")} address of {subnet}, not a host address. Give a host address, e.g. {FirstHost(subnet)}.");
        BigInteger rangeStart = ToNumber(Range.Network);
        BigInteger rangeEnd = rangeStart + (BigInteger.One << (Range.MaxPrefixLength - Range.PrefixLength)) - 1;
        _first = BigInteger.Max(lowest, rangeStart);
        _last = BigInteger.Min(highest, rangeEnd);
    }

    public IPPrefix Subnet { get; }
    public IPPrefix Range { get; }
    public IPAddress Gateway { get; }

    /// <summary>The lowest free address of the range, skipping the gateway and everything in use.</summary>
    public IPAddress Next(IReadOnlyCollection<IPAddress> inUse)
    {
        var used = new HashSet<BigInteger>(inUse.Select(ToNumber)) { ToNumber(Gateway) };
        // Bounded: at most |used| + 1 candidates are checked before a free one is found.
        for (BigInteger candidate = _first; candidate <= _last; candidate++)
        {
            if (!used.Contains(candidate))
                return FromNumber(candidate, Subnet.Family);
            if (candidate - _first > used.Count)
                break;
        }
        throw new ContainerNetException("SubnetExhausted", ErrorKind.ResourceBusy, Subnet.ToString(),
            $"No free address is left in {Range} of network {Subnet}. Disconnect an endpoint, or create the network with a larger -Subnet or -IPRange.");
    }

    /// <summary>Checks an address asked for explicitly (-IPAddress) against the subnet, range, gateway and use.</summary>
    public IPAddress Check(IPAddress wanted, IReadOnlyCollection<IPAddress> inUse)
    {
        string text = wanted.ToString();
        if (!Subnet.Contains(wanted))
            throw new ContainerNetException("AddressOutsideSubnet", ErrorKind.InvalidArgument, text,
                $"{wanted} is not inside the network's subnet {Subnet}. Give an address within it, or none to get the lowest free one.");
        BigInteger number = ToNumber(wanted);
        if (number < _first || number > _last)
            throw new ContainerNetException("AddressOutsideRange", ErrorKind.InvalidArgument, text,
                $"{wanted} is outside the allocation range {Range} of network {Subnet} (or is its network or broadcast address). Give an address from {FromNumber(_first, Subnet.Family)} to {FromNumber(_last, Subnet.Family)}.");
        if (wanted.Equals(Gateway))
            throw new ContainerNetException("AddressIsGateway", ErrorKind.ResourceExists, text,
                $"{wanted} is the network's gateway. Give another address, or none to get the lowest free one.");
        if (inUse.Contains(wanted))
            throw new ContainerNetException("AddressInUse", ErrorKind.ResourceExists, text,
                $"{wanted} is already given to another endpoint of network {Subnet}. Give another address, or none to get the lowest free one.");
        return wanted;
    }

    public static IPAddress FirstHost(IPPrefix subnet) => FromNumber(ToNumber(subnet.Network) + 1, subnet.Family);

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger value, IPFamily family)
    {
        int length = family == IPFamily.IPv4 ? 4 : 16;
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] padded = new byte[length];
        bytes.AsSpan(Math.Max(0, bytes.Length - length)).CopyTo(padded.AsSpan(length - Math.Min(length, bytes.Length)));
        return new IPAddress(padded);
    }
}
