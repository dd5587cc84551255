using System.Diagnostics;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Transport;
using Tmds.Linux;

namespace ContainerNet.Core.Links;

/// <summary>
/// Deleting a device costs a full RCU grace period (about 16 ms here), but not at the moment it
/// disappears: the kernel unlists it at once, releases the rtnl lock, and only then waits for RCU
/// callbacks (netdev_run_todo) before it acks. So the request is sent from a thread of its own on a
/// socket of its own, and the caller waits only until the device is gone from the namespace; the
/// kernel finishes freeing it meanwhile. An error the kernel answers with is still reported.
/// </summary>
internal static class UnlistedDeletion
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <param name="delete">The RTM_DELLINK request (by index, name or group), for the caller's own namespace.</param>
    /// <param name="stillListed">Whether any device it deletes is still visible (polled until it is not).</param>
    public static void Delete(INetlinkRequest delete, Func<bool> stillListed)
    {
        var outcome = new TaskCompletionSource<NetlinkException?>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A new thread starts in the network namespace of the thread that creates it: the caller's.
        var sender = new Thread(() =>
        {
            try
            {
                using var connection = new NetlinkConnection(NetlinkSocket.Open(NetlinkConstants.NETLINK_ROUTE));
                connection.Execute(delete);
                outcome.SetResult(null);
            }
            catch (NetlinkException ex)
            {
                outcome.SetResult(ex);
            }
            catch (Exception ex)
            {
                outcome.SetException(ex);
            }
        }) { IsBackground = true, Name = "containernet link deletion" };
        sender.Start();

        var clock = Stopwatch.StartNew();
        while (!outcome.Task.IsCompleted)
        {
            if (!stillListed())
                return;
            if (clock.Elapsed > Patience)
                break;
            Thread.Yield();
        }
        NetlinkException? failure = outcome.Task.GetAwaiter().GetResult(); // waits, if it had to give up
        if (failure is not null && failure.Errno != LibC.ENODEV)
            throw failure;
    }
}
