using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>
/// IFLA_NUM_TX_QUEUES then IFLA_NUM_RX_QUEUES with one count, as `numtxqueues Q numrxqueues Q` sends
/// them. Only read when a device is created: the kernel allocates that many queues and makes all active.
/// </summary>
internal static class QueueAttributes
{
    public static void Write(NetlinkMessageWriter writer, uint count)
    {
        writer.PutU32(IfLinkConstants.IFLA_NUM_TX_QUEUES, count);
        writer.PutU32(IfLinkConstants.IFLA_NUM_RX_QUEUES, count);
    }
}
