using System.Runtime.InteropServices;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace ContainerNet.Netlink.Transport;

/// <summary>
/// An AF_NETLINK socket. It belongs to the network namespace of the thread that opened it, for its
/// whole life: open it on a thread that has entered the namespace, then use it from anywhere.
/// </summary>
public sealed unsafe class NetlinkSocket : INetlinkTransport
{
    private static readonly TimeSpan DefaultReceiveTimeout = TimeSpan.FromSeconds(30);
    private int _fd;

    private NetlinkSocket(int fd) => _fd = fd;

    public int Protocol { get; private init; }

    public static NetlinkSocket Open(int protocol) => Open(protocol, DefaultReceiveTimeout);

    public static NetlinkSocket Open(int protocol, TimeSpan receiveTimeout)
    {
        int fd = CreateDescriptor(protocol);
        if (fd < 0)
            throw NetlinkException.FromErrno(-fd, "socket(AF_NETLINK)");
        return Adopt(fd, protocol, receiveTimeout);
    }

    /// <summary>
    /// Only the socket(2) call, nothing managed around it: for a thread that stands briefly in another
    /// namespace and must get out before the runtime does anything on it. Returns the fd or -errno.
    /// </summary>
    public static int CreateDescriptor(int protocol)
    {
        int fd = socket(NetlinkConstants.AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
        return fd >= 0 ? fd : -errno;
    }

    /// <summary>Configures and binds a descriptor from <see cref="CreateDescriptor"/>, from any thread.</summary>
    public static NetlinkSocket Adopt(int fd, int protocol) => Adopt(fd, protocol, DefaultReceiveTimeout);

    private static NetlinkSocket Adopt(int fd, int protocol, TimeSpan receiveTimeout)
    {
        var result = new NetlinkSocket(fd) { Protocol = protocol };
        try
        {
            // The kernel's own error text (extack) and capped acks: errors name the cause without
            // echoing the whole request back.
            result.SetOption(SOL_NETLINK, NetlinkConstants.NETLINK_EXT_ACK, 1, required: true);
            result.SetOption(SOL_NETLINK, NetlinkConstants.NETLINK_CAP_ACK, 1, required: false);
            // Room for the acks of a pipelined window; FORCE needs CAP_NET_ADMIN, plain RCVBUF is capped.
            if (!result.SetOption(SOL_SOCKET, SO_RCVBUFFORCE, 4 << 20, required: false))
                result.SetOption(SOL_SOCKET, SO_RCVBUF, 4 << 20, required: false);
            // An nf_tables transaction must leave in one datagram; the default 208 KiB send buffer
            // holds only ~4,700 port elements (EMSGSIZE beyond).
            if (!result.SetOption(SOL_SOCKET, SO_SNDBUFFORCE, 4 << 20, required: false))
                result.SetOption(SOL_SOCKET, SO_SNDBUF, 4 << 20, required: false);
            result.SetReceiveTimeout(receiveTimeout);

            // sockaddr_nl { nl_family = AF_NETLINK, nl_pad, nl_pid = 0 (kernel assigns), nl_groups = 0 }
            byte* address = stackalloc byte[12];
            new Span<byte>(address, 12).Clear();
            *(ushort*)address = NetlinkConstants.AF_NETLINK;
            if (bind(fd, (sockaddr*)address, 12) < 0)
                throw NetlinkException.FromErrno(errno, "bind(AF_NETLINK)");
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        ThrowIfDisposed();
        // sockaddr_nl of the kernel (nl_pid 0): every request is addressed explicitly.
        byte* kernel = stackalloc byte[12];
        new Span<byte>(kernel, 12).Clear();
        *(ushort*)kernel = NetlinkConstants.AF_NETLINK;
        fixed (byte* data = datagram)
        {
            while (true)
            {
                long sent = sendto(_fd, data, datagram.Length, 0, (sockaddr*)kernel, 12);
                if (sent >= 0)
                {
                    if (sent != datagram.Length)
                        throw new NetlinkException(EIO, $"Short netlink send: {sent} of {datagram.Length} bytes.");
                    return;
                }
                int error = errno;
                if (error != EINTR)
                    throw NetlinkException.FromErrno(error, "send(netlink)");
            }
        }
    }

    public int Receive(Span<byte> buffer)
    {
        ThrowIfDisposed();
        fixed (byte* data = buffer)
        {
            while (true)
            {
                // MSG_TRUNC makes recv report the datagram's real length, so truncation is detectable.
                long received = recv(_fd, data, buffer.Length, MSG_TRUNC);
                if (received >= 0)
                {
                    if (received > buffer.Length)
                        throw new NetlinkException(EMSGSIZE, $"A netlink reply of {received} bytes did not fit the {buffer.Length}-byte receive buffer.");
                    return (int)received;
                }
                int error = errno;
                if (error == EINTR)
                    continue;
                if (error == EAGAIN)
                    throw new NetlinkException(ETIMEDOUT, "The kernel did not answer the netlink request in time.");
                throw NetlinkException.FromErrno(error, "recv(netlink)");
            }
        }
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
            close(fd);
    }

    private bool SetOption(int level, int name, int value, bool required)
    {
        if (setsockopt(_fd, level, name, &value, sizeof(int)) == 0)
            return true;
        if (required)
            throw NetlinkException.FromErrno(errno, $"setsockopt({level}, {name})");
        return false;
    }

    private void SetReceiveTimeout(TimeSpan timeout)
    {
        // struct timeval { long tv_sec; long tv_usec; } on 64-bit Linux.
        long* timeval = stackalloc long[2];
        timeval[0] = (long)timeout.TotalSeconds;
        timeval[1] = timeout.Milliseconds * 1000L;
        if (setsockopt(_fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 2 * sizeof(long)) < 0)
            throw NetlinkException.FromErrno(errno, "setsockopt(SO_RCVTIMEO)");
    }

    private void ThrowIfDisposed()
    {
        if (_fd < 0)
            throw new ObjectDisposedException(nameof(NetlinkSocket));
    }
}
