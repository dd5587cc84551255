using ContainerNet.Core.Errors;
using ContainerNet.Core.Native;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace ContainerNet.Core.State;

/// <summary>
/// An exclusive lock on the state directory, held for a whole operation (read, decide, write), so that
/// parallel pwsh processes never hand out one address twice. An open-file-description lock
/// (F_OFD_SETLKW): it belongs to this open file, so threads of one process exclude each other too, and
/// the kernel releases it if the process dies.
/// </summary>
public sealed unsafe class StateLock : IDisposable
{
    private int _fd;

    private StateLock(int fd) => _fd = fd;

    public static StateLock Acquire(string lockFile)
    {
        int error = Syscall.Open(lockFile, O_RDWR | O_CREAT, out int fd, mode: 0b110_000_000); // 0600
        if (error != 0)
            throw KernelErrors.FromErrno(error, $"open the state lock {lockFile}", lockFile, "StateNotFound");
        var request = new flock { l_type = (short)F_WRLCK, l_whence = (short)SEEK_SET, l_start = 0, l_len = 0 };
        while (fcntl(fd, F_OFD_SETLKW, &request) < 0)
        {
            int failure = errno;
            if (failure == EINTR)
                continue;
            Syscall.Close(fd);
            throw KernelErrors.FromErrno(failure, $"lock the state directory ({lockFile})", lockFile, "StateNotFound");
        }
        return new StateLock(fd);
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
            Syscall.Close(fd); // closing the description releases its lock
    }
}
