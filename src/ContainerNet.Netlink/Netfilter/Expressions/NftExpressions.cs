using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// Encodes a rule's expression list and decodes one from a reply. Decoders are looked up by
/// NFTA_EXPR_NAME; an expression without one here becomes an <see cref="UnknownExpression"/> that keeps
/// its bytes.
/// </summary>
public static class NftExpressions
{
    public delegate INftExpression Decoder(ReadOnlySpan<byte> data);

    private static readonly Dictionary<string, Decoder> Decoders = new(StringComparer.Ordinal)
    {
        ["meta"] = MetaExpression.Decode,
        ["payload"] = PayloadExpression.Decode,
        ["cmp"] = CmpExpression.Decode,
        ["bitwise"] = BitwiseExpression.Decode,
        ["range"] = RangeExpression.Decode,
        ["lookup"] = LookupExpression.Decode,
        ["immediate"] = ImmediateExpression.Decode,
        ["ct"] = CtExpression.Decode,
        ["nat"] = NatExpression.Decode,
        ["masq"] = MasqExpression.Decode,
        ["redir"] = RedirExpression.Decode,
        ["counter"] = CounterExpression.Decode,
        ["fib"] = FibExpression.Decode,
        ["notrack"] = NotrackExpression.Decode,
    };

    /// <summary>Writes <paramref name="listType"/> (e.g. NFTA_RULE_EXPRESSIONS) holding one NFTA_LIST_ELEM per expression.</summary>
    public static void Write(NetlinkMessageWriter writer, ushort listType, IReadOnlyList<INftExpression> expressions)
    {
        using (writer.NestFlagged(listType))
        {
            foreach (var expression in expressions)
                WriteOne(writer, expression);
        }
    }

    public static void WriteOne(NetlinkMessageWriter writer, INftExpression expression)
    {
        using (writer.NestFlagged(NfTablesConstants.NFTA_LIST_ELEM))
        {
            writer.PutString(NfTablesConstants.NFTA_EXPR_NAME, expression.Name);
            if (expression.HasData)
            {
                using (writer.NestFlagged(NfTablesConstants.NFTA_EXPR_DATA))
                    expression.WriteData(writer);
            }
        }
    }

    /// <summary>Decodes the contents of an expression list attribute.</summary>
    public static List<INftExpression> ReadList(ReadOnlySpan<byte> list)
    {
        var expressions = new List<INftExpression>();
        var reader = new NetlinkAttributeReader(list);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> element))
        {
            if (type == NfTablesConstants.NFTA_LIST_ELEM)
                expressions.Add(ReadOne(element));
        }
        return expressions;
    }

    /// <summary>Decodes one NFTA_LIST_ELEM's contents (name and data).</summary>
    public static INftExpression ReadOne(ReadOnlySpan<byte> element)
    {
        string? name = null;
        ReadOnlySpan<byte> data = default;
        var reader = new NetlinkAttributeReader(element);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NfTablesConstants.NFTA_EXPR_NAME)
                name = NftWire.ReadString(value);
            else if (type == NfTablesConstants.NFTA_EXPR_DATA)
                data = value;
        }
        if (name is null)
            throw new NetlinkFormatException("An expression has no NFTA_EXPR_NAME.");
        return Decoders.TryGetValue(name, out var decode) ? decode(data) : new UnknownExpression(name, data.ToArray());
    }

    /// <summary>A required attribute of an expression, or a NetlinkFormatException naming it.</summary>
    internal static T Required<T>(T? value, string expression, string attribute) where T : struct =>
        value ?? throw new NetlinkFormatException($"A '{expression}' expression has no {attribute}.");

    internal static string Required(string? value, string expression, string attribute) =>
        value ?? throw new NetlinkFormatException($"A '{expression}' expression has no {attribute}.");

    internal static byte[] Required(byte[]? value, string expression, string attribute) =>
        value ?? throw new NetlinkFormatException($"A '{expression}' expression has no {attribute}.");

    /// <summary>The NFTA_DATA_VALUE inside a data nest (cmp, range, bitwise operands).</summary>
    internal static byte[] ReadValue(ReadOnlySpan<byte> nest, string expression) =>
        Data.NftData.Read(nest).Value ?? throw new NetlinkFormatException($"A '{expression}' operand is a verdict, not a value.");

    internal static void WriteValue(NetlinkMessageWriter writer, ushort type, byte[] value)
    {
        using (writer.NestFlagged(type))
            writer.PutAttribute(NfTablesConstants.NFTA_DATA_VALUE, value);
    }
}
