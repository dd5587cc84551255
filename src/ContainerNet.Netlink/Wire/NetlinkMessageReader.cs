namespace ContainerNet.Netlink.Wire;

/// <summary>Walks the messages of one received datagram, validating every length before use.</summary>
public ref struct NetlinkMessageReader
{
    private ReadOnlySpan<byte> _remaining;

    public NetlinkMessageReader(ReadOnlySpan<byte> datagram) => _remaining = datagram;

    public bool TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (_remaining.IsEmpty)
            return false;
        header = NetlinkMessageHeader.Read(_remaining);
        if (header.Length < NetlinkMessageHeader.Size || header.Length > _remaining.Length)
            throw new NetlinkFormatException($"Message length {header.Length} does not fit in the {_remaining.Length} bytes received.");
        payload = _remaining[NetlinkMessageHeader.Size..(int)header.Length];
        int advance = Math.Min(Constants.NetlinkConstants.Align((int)header.Length), _remaining.Length);
        _remaining = _remaining[advance..];
        return true;
    }
}
