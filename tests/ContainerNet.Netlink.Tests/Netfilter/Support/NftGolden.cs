using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Netfilter.Support;

/// <summary>
/// Encodes one batch message as nft sends it (no extra flags: nft asks for no ack) and compares it with
/// the bytes nft 1.0.6 sent for the same command, quoted from Fixtures/capture-nftables.sh's output.
/// </summary>
internal static class NftGolden
{
    /// <summary>nft numbers BATCH_BEGIN 0 and the messages of a one-command batch from 1.</summary>
    public const uint NftSequence = 1;

    public static byte[] Encode(INftBatchMessage message, uint sequence = NftSequence, ushort extraFlags = 0)
    {
        var writer = new NetlinkMessageWriter();
        message.Encode(writer, sequence, extraFlags);
        return writer.WrittenSpan.ToArray();
    }

    public static void AssertEncodes(string expectedHex, INftBatchMessage message, uint sequence = NftSequence) =>
        Assert.Equal(Hex.Format(Hex.Parse(expectedHex)), Hex.Format(Encode(message, sequence)));
}
