using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// An expression this library has no decoder for (log, limit, reject, ...), kept as its name and the raw
/// bytes of NFTA_EXPR_DATA so that a rule read back still shows every step and can be written again.
/// </summary>
public sealed record UnknownExpression(string Name, byte[] Data) : INftExpression
{
    public void WriteData(NetlinkMessageWriter writer)
    {
        // The bytes are whole attributes already (each padded to 4), so they go in as they are.
        Span<byte> target = writer.ReserveFixed(Data.Length);
        Data.CopyTo(target);
    }

    public bool Equals(UnknownExpression? other) => other is not null && Name == other.Name && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Name, Data.Length);
}
