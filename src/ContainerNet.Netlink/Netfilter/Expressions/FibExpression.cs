using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "fib": a routing lookup; `fib daddr type` is Flags NFTA_FIB_F_DADDR with Result NFT_FIB_RESULT_ADDRTYPE,
/// compared with RTN_LOCAL (2) for "local". Layout: NFTA_FIB_FLAGS be32, NFTA_FIB_RESULT be32, NFTA_FIB_DREG be32.
/// </summary>
public sealed record FibExpression(uint Result, uint Flags, uint DestinationRegister) : INftExpression
{
    public string Name => "fib";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_FIB_FLAGS, Flags);
        writer.PutBE32(NfTablesConstants.NFTA_FIB_RESULT, Result);
        writer.PutBE32(NfTablesConstants.NFTA_FIB_DREG, DestinationRegister);
    }

    public static FibExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? result = null, flags = null, dreg = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_FIB_RESULT: result = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_FIB_FLAGS: flags = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_FIB_DREG: dreg = NftWire.ReadBE32(value); break;
            }
        }
        return new FibExpression(NftExpressions.Required(result, "fib", "NFTA_FIB_RESULT"), NftExpressions.Required(flags, "fib", "NFTA_FIB_FLAGS"),
            NftExpressions.Required(dreg, "fib", "NFTA_FIB_DREG"));
    }
}
