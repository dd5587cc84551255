using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Transport;

/// <summary>One netlink request that can encode itself (header included) with a given sequence number.</summary>
public interface INetlinkRequest
{
    void Encode(NetlinkMessageWriter writer, uint sequence);
}
