using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Data;

/// <summary>
/// struct nft_data as a netlink nest: either NFTA_DATA_VALUE (raw bytes, at most 64, in the order the
/// packet or the kernel holds them: addresses and ports big endian, interface names NUL-padded) or
/// NFTA_DATA_VERDICT. Carried by set element keys and data, cmp/range operands, bitwise masks and
/// immediate values.
/// </summary>
public sealed record NftData
{
    private NftData(byte[]? value, NftVerdict? verdict)
    {
        Value = value;
        Verdict = verdict;
    }

    public byte[]? Value { get; }
    public NftVerdict? Verdict { get; }

    public static NftData FromValue(byte[] value)
    {
        if (value.Length is 0 or > NfTablesConstants.NFT_DATA_VALUE_MAXLEN)
            throw new ArgumentException($"An nf_tables value holds 1 to {NfTablesConstants.NFT_DATA_VALUE_MAXLEN} bytes, not {value.Length}.", nameof(value));
        return new NftData(value, null);
    }

    public static NftData FromVerdict(NftVerdict verdict) => new(null, verdict);

    public static implicit operator NftData(NftVerdict verdict) => FromVerdict(verdict);

    /// <summary>Writes the nest <paramref name="attributeType"/> (e.g. NFTA_SET_ELEM_KEY) holding this data.</summary>
    public void Write(NetlinkMessageWriter writer, ushort attributeType)
    {
        using (writer.NestFlagged(attributeType))
        {
            if (Value is { } value)
            {
                writer.PutAttribute(NfTablesConstants.NFTA_DATA_VALUE, value);
                return;
            }
            var verdict = Verdict!.Value;
            using (writer.NestFlagged(NfTablesConstants.NFTA_DATA_VERDICT))
            {
                writer.PutBE32(NfTablesConstants.NFTA_VERDICT_CODE, verdict.Code);
                if (verdict.Chain is { } chain)
                    writer.PutString(NfTablesConstants.NFTA_VERDICT_CHAIN, chain);
            }
        }
    }

    /// <summary>Reads the contents of such a nest.</summary>
    public static NftData Read(ReadOnlySpan<byte> nest)
    {
        var reader = new NetlinkAttributeReader(nest);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NfTablesConstants.NFTA_DATA_VALUE)
                return new NftData(value.ToArray(), null);
            if (type == NfTablesConstants.NFTA_DATA_VERDICT)
                return new NftData(null, ReadVerdict(value));
        }
        throw new NetlinkFormatException("An nf_tables data attribute holds neither NFTA_DATA_VALUE nor NFTA_DATA_VERDICT.");
    }

    public override string ToString() => Value is { } value ? Convert.ToHexString(value).ToLowerInvariant() : Verdict!.Value.ToString();

    public bool Equals(NftData? other) =>
        other is not null && Verdict == other.Verdict
        && (Value is null ? other.Value is null : other.Value is not null && Value.AsSpan().SequenceEqual(other.Value));

    public override int GetHashCode() => HashCode.Combine(Verdict, Value?.Length);

    private static NftVerdict ReadVerdict(ReadOnlySpan<byte> nest)
    {
        int? code = null;
        string? chain = null;
        var reader = new NetlinkAttributeReader(nest);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NfTablesConstants.NFTA_VERDICT_CODE)
                code = NftWire.ReadBE32Signed(value);
            else if (type == NfTablesConstants.NFTA_VERDICT_CHAIN)
                chain = NftWire.ReadString(value);
        }
        return code is { } c ? new NftVerdict(c, chain)
            : throw new NetlinkFormatException("An nf_tables verdict has no NFTA_VERDICT_CODE.");
    }
}
