using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Wire;
using Tmds.Linux;

namespace ContainerNet.Core.Addresses;

/// <summary>IP addresses on interfaces (`ip addr add/del/show`), in any namespace.</summary>
public sealed class AddressOperations
{
    private readonly NamespaceConnections _connections;
    private readonly LinkOperations _links;

    public AddressOperations(NamespaceConnections connections, LinkOperations links)
    {
        _connections = connections;
        _links = links;
    }

    /// <param name="duplicateAddressDetection">IPv6 only: wait for DAD (the address stays tentative ~1-2 s). Off by default, as on a private bridge the addresses are managed.</param>
    public NetAddress Add(string? namespaceName, string interfaceName, string address, bool duplicateAddressDetection = false)
    {
        IPPrefix prefix = IPPrefix.Parse(address);
        int index = _links.Get(namespaceName, interfaceName).Index;
        var request = new AddressRequest
        {
            Delete = false,
            InterfaceIndex = index,
            Address = prefix.Address.GetAddressBytes(),
            PrefixLength = (byte)prefix.PrefixLength,
            NoDuplicateAddressDetection = prefix.Family == IPFamily.IPv6 && !duplicateAddressDetection,
        };
        try
        {
            _connections.Route(namespaceName).Execute(request);
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.EEXIST)
        {
            throw new ContainerNetException("AddressExists", ErrorKind.ResourceExists, address,
                $"Address {prefix} is already on '{interfaceName}' in {LinkOperations.Describe(namespaceName)}. See it with Get-NetAddress; remove it first to change its prefix.",
                ex, ex.Errno, ex.KernelMessage);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"add address {prefix} to '{interfaceName}' in {LinkOperations.Describe(namespaceName)}", address);
        }
        return new NetAddress
        {
            Namespace = namespaceName ?? "",
            Interface = interfaceName,
            InterfaceIndex = index,
            Address = prefix.ToString(),
            IPAddress = prefix.Address,
            PrefixLength = prefix.PrefixLength,
            Family = prefix.Family,
            Scope = IPAddress.IsLoopback(prefix.Address) ? "host" : prefix.Address.IsIPv6LinkLocal ? "link" : "global",
        };
    }

    public IReadOnlyList<NetAddress> List(string? namespaceName, string? interfaceName = null, IPFamily? family = null)
    {
        IReadOnlyList<NetLink> links = _links.List(namespaceName);
        var names = links.ToDictionary(l => l.Index, l => l.Name);
        if (interfaceName is not null && !links.Any(l => l.Name == interfaceName))
            throw LinkOperations.LinkNotFound(namespaceName, interfaceName);
        byte familyCode = AddressFamilies.ToKernel(family);
        List<AddressMessage> messages;
        try
        {
            messages = _connections.Route(namespaceName).QueryAll(new GetAddressRequest { Family = familyCode }, Decode);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"list the addresses of {LinkOperations.Describe(namespaceName)}", namespaceName);
        }
        return messages
            .Where(m => m.Address.Length is 4 or 16)
            .Select(m => ToNetAddress(m, namespaceName, names.GetValueOrDefault(m.InterfaceIndex, $"if{m.InterfaceIndex}")))
            .Where(a => interfaceName is null || a.Interface == interfaceName)
            .ToList();
    }

    public void Remove(string? namespaceName, string interfaceName, string address)
    {
        IPPrefix prefix = IPPrefix.Parse(address);
        NetLink link = _links.Get(namespaceName, interfaceName);
        // Without a prefix length, remove the address whatever its prefix (as a person means it).
        if (!address.Contains('/'))
        {
            NetAddress? existing = List(namespaceName, interfaceName).FirstOrDefault(a => a.IPAddress.Equals(prefix.Address));
            if (existing is not null)
                prefix = new IPPrefix(prefix.Address, existing.PrefixLength);
        }
        try
        {
            _connections.Route(namespaceName).Execute(new AddressRequest
            {
                Delete = true,
                InterfaceIndex = link.Index,
                Address = prefix.Address.GetAddressBytes(),
                PrefixLength = (byte)prefix.PrefixLength,
            });
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.EADDRNOTAVAIL || ex.Errno == LibC.ESRCH || ex.Errno == LibC.ENOENT)
        {
            throw new ContainerNetException("AddressNotFound", ErrorKind.ObjectNotFound, address,
                $"Address {prefix} is not on '{interfaceName}' in {LinkOperations.Describe(namespaceName)}. List the addresses with Get-NetAddress -Interface {interfaceName}.",
                ex, ex.Errno, ex.KernelMessage);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"remove address {prefix} from '{interfaceName}'", address);
        }
    }

    private static AddressMessage? Decode(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == RtnetlinkConstants.RTM_NEWADDR ? AddressMessage.Decode(payload) : null;

    private static NetAddress ToNetAddress(AddressMessage message, string? namespaceName, string interfaceName)
    {
        var ip = new IPAddress(message.Address);
        return new NetAddress
        {
            Namespace = namespaceName ?? "",
            Interface = interfaceName,
            InterfaceIndex = message.InterfaceIndex,
            Address = $"{ip}/{message.PrefixLength}",
            IPAddress = ip,
            PrefixLength = message.PrefixLength,
            Family = message.Address.Length == 16 ? IPFamily.IPv6 : IPFamily.IPv4,
            Scope = ScopeNames.Scope(message.Scope),
            Tentative = (message.Flags & IfAddrConstants.IFA_F_TENTATIVE) != 0,
        };
    }
}
