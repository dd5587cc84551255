using System.Text;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace ContainerNet.Core.Native;

/// <summary>Thin, string-friendly wrappers over the few libc calls Core needs. Each returns errno (0 = success).</summary>
internal static unsafe class Syscall
{
    public static int Open(string path, int flags, out int fd, int mode = 0)
    {
        fixed (byte* p = Utf8(path))
            fd = open(p, flags | O_CLOEXEC, (mode_t)mode);
        return fd < 0 ? errno : 0;
    }

    /// <summary>Writes all of <paramref name="data"/>; returns errno (0 = success).</summary>
    public static int Write(int fd, byte[] data)
    {
        fixed (byte* p = data)
        {
            long written = write(fd, p, data.Length);
            if (written < 0)
                return errno;
            return written == data.Length ? 0 : EIO;
        }
    }

    /// <summary>Reads up to the buffer's size; returns the count, or -errno.</summary>
    public static int Read(int fd, byte[] buffer)
    {
        fixed (byte* p = buffer)
        {
            long count = read(fd, p, buffer.Length);
            return count < 0 ? -errno : (int)count;
        }
    }

    /// <summary>mkdir(2) with an explicit mode (the umask still applies); returns errno.</summary>
    public static int MakeDirectory(string path, int mode)
    {
        fixed (byte* p = Utf8(path))
            return mkdir(p, (mode_t)mode) < 0 ? errno : 0;
    }

    public static int Close(int fd) => close(fd) < 0 ? errno : 0;

    public static int Mount(string? source, string target, string? fsType, ulong flags)
    {
        byte[]? s = source is null ? null : Utf8(source);
        byte[]? t = fsType is null ? null : Utf8(fsType);
        fixed (byte* src = s)
        fixed (byte* dst = Utf8(target))
        fixed (byte* type = t)
            return mount(src, dst, type, (ulong_t)flags, null) < 0 ? errno : 0;
    }

    /// <summary>mount(2) with pre-encoded NUL-terminated paths: allocates nothing (for use inside another namespace).</summary>
    public static int BindMount(byte[] source, byte[] target)
    {
        fixed (byte* src = source)
        fixed (byte* dst = target)
            return mount(src, dst, null, (ulong_t)(ulong)MS_BIND, null) < 0 ? errno : 0;
    }

    public static int Unmount(string target, int flags)
    {
        fixed (byte* p = Utf8(target))
            return umount2(p, flags) < 0 ? errno : 0;
    }

    public static int Unlink(string path)
    {
        fixed (byte* p = Utf8(path))
            return unlink(p) < 0 ? errno : 0;
    }

    public static int SetNamespace(int fd, int type) => setns(fd, type) < 0 ? errno : 0;

    public static int Unshare(int flags) => unshare(flags) < 0 ? errno : 0;

    /// <summary>stat(2) following links; returns errno, and the device and inode on success.</summary>
    public static int Stat(string path, out ulong device, out ulong inode)
    {
        stat buffer;
        int result;
        fixed (byte* p = Utf8(path))
            result = stat(p, &buffer);
        device = result == 0 ? (ulong)buffer.st_dev : 0;
        inode = result == 0 ? (ulong)buffer.st_ino : 0;
        return result < 0 ? errno : 0;
    }

    public static int FStat(int fd, out ulong device, out ulong inode)
    {
        stat buffer;
        int result = fstat(fd, &buffer);
        device = result == 0 ? (ulong)buffer.st_dev : 0;
        inode = result == 0 ? (ulong)buffer.st_ino : 0;
        return result < 0 ? errno : 0;
    }

    public static byte[] Utf8(string value)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
