using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>"notrack": exempts the packet from connection tracking. No options: no NFTA_EXPR_DATA at all.</summary>
public sealed record NotrackExpression : INftExpression
{
    public static readonly NotrackExpression Instance = new();

    public string Name => "notrack";

    public bool HasData => false;

    public void WriteData(NetlinkMessageWriter writer) { }

    public static NotrackExpression Decode(ReadOnlySpan<byte> data) => Instance;
}
