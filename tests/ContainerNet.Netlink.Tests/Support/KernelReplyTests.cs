using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Support;

/// <summary>The synthetic replies used by the connection tests are byte-identical to captured ones.</summary>
public sealed class KernelReplyTests
{
    [Fact]
    public void Ack_matches_the_kernels_capped_ack()
    {
        byte[] request = Golden.Encode(new SetLinkRequest { Index = 3, Mtu = 1400 }, 2);

        Assert.Equal(Hex.Format(Fixture.Load("ack-mtu-capped.hex")), Hex.Format(KernelReply.Ack(request)));
    }

    [Fact]
    public void Error_with_extack_matches_the_kernels_capped_error()
    {
        byte[] request = Golden.Encode(new SetLinkRequest { Index = 3, Mtu = 10 }, 1);

        byte[] reply = KernelReply.Error(request, 22, "mtu less than device minimum");

        Assert.Equal(Hex.Format(Fixture.Load("error-mtu-extack-capped.hex")), Hex.Format(reply));
    }

    [Fact]
    public void Resequence_and_AddFlags_touch_only_their_fields_in_every_message()
    {
        byte[] dump = Fixture.Load("own-dump-1.hex");

        byte[] changed = KernelReply.AddFlags(KernelReply.Resequence(dump, 77), RtnetlinkConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_DUMP_INTR);

        var original = new NetlinkMessageReader(dump);
        var rewritten = new NetlinkMessageReader(changed);
        int count = 0;
        while (original.TryRead(out var before, out var payloadBefore))
        {
            Assert.True(rewritten.TryRead(out var after, out var payloadAfter));
            Assert.Equal(77u, after.Sequence);
            Assert.Equal(before.Flags | NetlinkConstants.NLM_F_DUMP_INTR, after.Flags);
            Assert.True(payloadBefore.SequenceEqual(payloadAfter));
            count++;
        }
        Assert.Equal(8, count);
    }
}
