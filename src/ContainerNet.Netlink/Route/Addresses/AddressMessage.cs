using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Addresses;

/// <summary>A decoded RTM_NEWADDR reply: one address on one interface.</summary>
public sealed record AddressMessage
{
    public byte Family { get; init; }
    public byte PrefixLength { get; init; }
    public uint Flags { get; init; }
    public byte Scope { get; init; }
    public int InterfaceIndex { get; init; }

    /// <summary>IFA_LOCAL when present (the interface's own address), else IFA_ADDRESS.</summary>
    public byte[] Address { get; init; } = Array.Empty<byte>();

    public string? Label { get; init; }

    public static AddressMessage Decode(ReadOnlySpan<byte> payload)
    {
        var header = IfAddrMessage.Read(payload);
        byte[]? local = null, address = null;
        string? label = null;
        uint flags = header.Flags;
        var reader = new NetlinkAttributeReader(payload[IfAddrMessage.Size..]);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case IfAddrConstants.IFA_LOCAL: local = value.ToArray(); break;
                case IfAddrConstants.IFA_ADDRESS: address = value.ToArray(); break;
                case IfAddrConstants.IFA_LABEL: label = NetlinkAttributeReader.ReadString(value); break;
                case IfAddrConstants.IFA_FLAGS: flags = NetlinkAttributeReader.ReadU32(value); break; // the full 32-bit flags
            }
        }
        // The family fixes the size for IP; other families (Phonet, DECnet...) carry their own sizes.
        byte[] chosen = local ?? address ?? Array.Empty<byte>();
        int expected = header.Family switch { RtnetlinkConstants.AF_INET => 4, RtnetlinkConstants.AF_INET6 => 16, _ => -1 };
        if (expected > 0 && chosen.Length is not 0 && chosen.Length != expected)
            throw new NetlinkFormatException($"An address of family {header.Family} must be {expected} bytes, not {chosen.Length}.");
        return new AddressMessage
        {
            Family = header.Family, PrefixLength = header.PrefixLength, Flags = flags, Scope = header.Scope,
            InterfaceIndex = header.Index, Address = chosen, Label = label,
        };
    }
}
