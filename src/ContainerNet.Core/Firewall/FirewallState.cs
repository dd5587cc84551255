using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Transport;
using static ContainerNet.Netlink.Constants.NfTablesConstants;

namespace ContainerNet.Core.Firewall;

/// <summary>
/// What ContainerNet's table holds right now, read from the kernel (never from memory): whether the
/// table exists, the generation it was read at, and the decoded masquerades, mappings and hairpin pairs.
/// </summary>
internal sealed class FirewallState
{
    public bool TableExists { get; private init; }
    public uint Generation { get; private init; }
    public List<NatMasquerade> Masquerades { get; } = new();
    public List<PortMapping> Mappings { get; } = new();
    public List<(IPPrefix Subnet, string Bridge)> Hairpins { get; } = new();
    public HashSet<string> Isolated { get; } = new(StringComparer.Ordinal);
    public HashSet<(string In, string Out)> Blocked { get; } = new();
    public HashSet<string> Internal { get; } = new(StringComparer.Ordinal);
    public List<ContainerLink> Links { get; } = new();

    /// <summary>Nothing left that the table exists for: it can go.</summary>
    public bool IsEmpty => Masquerades.Count == 0 && Mappings.Count == 0 && Isolated.Count == 0 && Blocked.Count == 0 && Links.Count == 0 && Internal.Count == 0;

    public static FirewallState Read(NetlinkConnection connection, string namespaceName)
    {
        uint generation = connection.GetGeneration().Id;
        bool exists = connection.ListTables(FirewallLayout.Family).Any(t => t.Name == FirewallLayout.TableName);
        var state = new FirewallState { TableExists = exists, Generation = generation };
        if (!exists)
            return state;
        foreach (IPFamily family in FirewallLayout.Families)
        {
            var excepts = ReadPairs(connection, FirewallLayout.MasqueradeExceptSet(family), family);
            foreach ((IPPrefix subnet, string? comment) in ReadIntervals(connection, FirewallLayout.MasqueradeSet(family), family))
            {
                state.Masquerades.Add(new NatMasquerade
                {
                    Namespace = namespaceName, Subnet = subnet.ToString(), Family = family, Comment = comment,
                    ExceptInterface = excepts.FirstOrDefault(e => e.Subnet == subnet).Bridge,
                });
            }
            state.Hairpins.AddRange(ReadPairs(connection, FirewallLayout.HairpinSet(family), family));
            state.Mappings.AddRange(ReadMappings(connection, family, namespaceName));
            state.Links.AddRange(ReadLinks(connection, family, namespaceName));
        }
        foreach (NftSetElement element in Elements(connection, FirewallLayout.IsolatedSet))
            state.Isolated.Add(FirewallKeys.ReadIfName(element.Key));
        foreach (NftSetElement element in Elements(connection, FirewallLayout.InternalSet))
            state.Internal.Add(FirewallKeys.ReadIfName(element.Key));
        foreach (NftSetElement element in Elements(connection, FirewallLayout.BlockedSet).Where(e => e.Key.Length >= 2 * FirewallKeys.IfNameSize))
            state.Blocked.Add((FirewallKeys.ReadIfName(element.Key.AsSpan(0, FirewallKeys.IfNameSize)),
                FirewallKeys.ReadIfName(element.Key.AsSpan(FirewallKeys.IfNameSize, FirewallKeys.IfNameSize))));
        return state;
    }

    /// <summary>A plain interval set holds a start element and an end element (the address after the last) per range.</summary>
    private static List<(IPPrefix, string?)> ReadIntervals(NetlinkConnection connection, string set, IPFamily family)
    {
        var elements = connection.ListSetElements(FirewallLayout.Family, FirewallLayout.TableName, set)
            .OrderBy(e => e.Key, ByteOrder.Instance).ToList();
        var result = new List<(IPPrefix, string?)>();
        var ends = elements.Where(e => e.IsIntervalEnd).ToList();
        foreach (NftSetElement start in elements.Where(e => !e.IsIntervalEnd))
        {
            // Adjacent intervals share a key (the end of one is the start of the next): the end that
            // closes this start is the first whose key is strictly greater.
            NftSetElement? end = ends.FirstOrDefault(e => ByteOrder.Instance.Compare(e.Key, start.Key) > 0);
            var first = new IPAddress(start.Key);
            int bits = FirewallLayout.AddressLength(family) * 8;
            int prefix = end is null ? PrefixFromEnd(first, null, bits) : PrefixFromEnd(first, end.Key, bits);
            result.Add((new IPPrefix(first, prefix), start.Comment));
        }
        return result;
    }

    private static int PrefixFromEnd(IPAddress first, byte[]? endExclusive, int bits)
    {
        // The range [first, end) is a CIDR block: its size is a power of two.
        for (int prefix = bits; prefix >= 0; prefix--)
        {
            byte[]? next = FirewallKeys.Next(FirewallKeys.LastAddress(new IPPrefix(first, prefix)));
            if (endExclusive is null ? next is null : next is not null && next.AsSpan().SequenceEqual(endExclusive))
                return prefix;
        }
        return bits;
    }

    /// <summary>Concatenated interval sets (address range . ifname): one element with key and key end.</summary>
    private static List<(IPPrefix Subnet, string Bridge)> ReadPairs(NetlinkConnection connection, string set, IPFamily family)
    {
        int length = FirewallLayout.AddressLength(family);
        var result = new List<(IPPrefix, string)>();
        foreach (NftSetElement element in connection.ListSetElements(FirewallLayout.Family, FirewallLayout.TableName, set))
        {
            if (element.Key.Length < length + FirewallKeys.IfNameSize)
                continue;
            var first = new IPAddress(element.Key.AsSpan(0, length));
            byte[]? endExclusive = element.KeyEnd is { } keyEnd ? FirewallKeys.Next(new IPAddress(keyEnd.AsSpan(0, length))) : null;
            int prefix = element.KeyEnd is null ? length * 8 : PrefixFromEnd(first, endExclusive, length * 8);
            result.Add((new IPPrefix(first, prefix), FirewallKeys.ReadIfName(element.Key.AsSpan(length, FirewallKeys.IfNameSize))));
        }
        return result;
    }

    /// <summary>publish map: key host address range . proto . port; data container address . port.</summary>
    private static IEnumerable<PortMapping> ReadMappings(NetlinkConnection connection, IPFamily family, string namespaceName)
    {
        int length = FirewallLayout.AddressLength(family);
        foreach (NftSetElement element in connection.ListSetElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.PublishMap(family)))
        {
            if (element.Key.Length < length + 8 || element.Data?.Value is not { } data || data.Length < length + 2)
                continue;
            var first = new IPAddress(element.Key.AsSpan(0, length));
            bool anyAddress = element.KeyEnd is { } end && !end.AsSpan(0, length).SequenceEqual(element.Key.AsSpan(0, length));
            (string? network, string? container) = Owner(element.Comment);
            yield return new PortMapping
            {
                Namespace = namespaceName,
                Family = family,
                Protocol = (TransportProtocol)element.Key[length],
                HostAddress = anyAddress ? null : first.ToString(),
                HostPort = FirewallKeys.ReadPort(element.Key.AsSpan(length + 4)),
                ContainerAddress = new IPAddress(data.AsSpan(0, length)).ToString(),
                ContainerPort = FirewallKeys.ReadPort(data.AsSpan(length)),
                Network = network,
                Container = container,
            };
        }
    }

    private static List<NftSetElement> Elements(NetlinkConnection connection, string set) =>
        connection.ListSetElements(FirewallLayout.Family, FirewallLayout.TableName, set);

    private static IEnumerable<ContainerLink> ReadLinks(NetlinkConnection connection, IPFamily family, string namespaceName)
    {
        int length = FirewallLayout.AddressLength(family);
        foreach (NftSetElement element in Elements(connection, FirewallLayout.LinkSet(family)).Where(e => e.Key.Length >= 2 * length))
            yield return new ContainerLink
            {
                Namespace = namespaceName, Family = family,
                Source = new IPAddress(element.Key.AsSpan(0, length)).ToString(),
                Destination = new IPAddress(element.Key.AsSpan(length, length)).ToString(),
                Network = Owner(element.Comment).Network, Container = Owner(element.Comment).Container,
            };
        foreach (NftSetElement element in Elements(connection, FirewallLayout.LinkPortSet(family)).Where(e => e.Key.Length >= 2 * length + 8))
            yield return new ContainerLink
            {
                Namespace = namespaceName, Family = family,
                Source = new IPAddress(element.Key.AsSpan(0, length)).ToString(),
                Destination = new IPAddress(element.Key.AsSpan(length, length)).ToString(),
                Protocol = (TransportProtocol)element.Key[2 * length],
                Port = FirewallKeys.ReadPort(element.Key.AsSpan(2 * length + 4)),
                Network = Owner(element.Comment).Network, Container = Owner(element.Comment).Container,
            };
    }

    /// <summary>Elements made for a network's endpoint carry the comment "network/container".</summary>
    internal static (string? Network, string? Container) Owner(string? comment)
    {
        string[]? owner = comment?.Split('/', 2);
        return owner is { Length: 2 } ? (NullIfEmpty(owner[0]), NullIfEmpty(owner[1])) : (null, null);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
