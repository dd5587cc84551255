using System.Text.Json;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Native;
using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace ContainerNet.Core.State;

/// <summary>
/// Remembered intent (networks, allocations, endpoints): one JSON document per network in the state
/// directory ($env:CONTAINERNET_STATE_DIR, else /var/lib/containernet). Writes are atomic (temp file,
/// fsync, rename); the directory is 0700 and files 0600; a document that cannot be read is reported by
/// path and never overwritten. Callers hold <see cref="Lock"/> around read-modify-write.
/// </summary>
public sealed class StateStore
{
    public const string DefaultDirectory = "/var/lib/containernet";
    private const string Extension = ".json";

    // Generated metadata for the known documents first, reflection for anything else.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            StateJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    public StateStore(string? directory = null)
    {
        Directory = directory ?? Environment.GetEnvironmentVariable("CONTAINERNET_STATE_DIR") ?? DefaultDirectory;
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name + Extension);

    /// <summary>The exclusive lock for one whole operation; dispose it when the operation is done.</summary>
    public StateLock Lock()
    {
        EnsureDirectory();
        return StateLock.Acquire(Path.Combine(Directory, ".lock"));
    }

    public IReadOnlyList<string> Names() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*" + Extension)
                .Select(p => Path.GetFileNameWithoutExtension(p)).Where(NamespaceName.IsValid).OrderBy(n => n, StringComparer.Ordinal).ToList()
            : Array.Empty<string>();

    /// <summary>
    /// Documents this process read or wrote, by path, with the file version they came from. A writer
    /// replaces the file by rename, so a new version has a new inode and time: a cached document is
    /// used only while the file is still that version, and a write by another process is always seen.
    /// </summary>
    private readonly Dictionary<string, (FileVersion Version, object Document)> _cache = new(StringComparer.Ordinal);

    private readonly record struct FileVersion(ulong Device, ulong Inode, long Length, DateTime WriteTime);

    private static FileVersion? VersionOf(string path)
    {
        if (Syscall.Stat(path, out ulong device, out ulong inode) != 0)
            return null;
        var info = new FileInfo(path);
        return info.Exists ? new FileVersion(device, inode, info.Length, info.LastWriteTimeUtc) : null;
    }

    /// <summary>
    /// The document, or null when there is none; a document that cannot be read is an error naming the
    /// file. The object may be the one this process read or wrote before (when the file has not changed
    /// since): a caller that changes it and then fails before writing must call <see cref="Forget"/>.
    /// </summary>
    public T? Read<T>(string name) where T : class
    {
        string path = PathOf(Validate(name));
        FileVersion? version = VersionOf(path);
        if (version is null)
        {
            lock (_cache)
                _cache.Remove(path);
            return null;
        }
        lock (_cache)
        {
            if (_cache.TryGetValue(path, out var cached) && cached.Version == version && cached.Document is T known)
                return known;
        }
        try
        {
            T document = JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json)
                ?? throw new JsonException("The document is empty (null).");
            lock (_cache)
                _cache[path] = (version.Value, document);
            return document;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ContainerNetException("StateCorrupt", ErrorKind.InvalidOperation, path,
                $"The state file {path} cannot be read ({ex.Message}). It was left as it is: repair or move it away, then try again.", ex);
        }
    }

    /// <summary>Drops every cached document: the next reads parse the files again.</summary>
    public void Forget()
    {
        lock (_cache)
            _cache.Clear();
    }

    /// <summary>Replaces the document atomically: a reader sees the old or the new one, never a mix.</summary>
    public void Write<T>(string name, T document)
    {
        string path = PathOf(Validate(name));
        EnsureDirectory();
        string temporary = Path.Combine(Directory, $".{name}{Extension}.{Environment.ProcessId}.tmp");
        try
        {
            int error = Syscall.Open(temporary, LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC, out int fd, mode: FileMode0600);
            if (error != 0)
                throw new IOException($"open {temporary}: {Netlink.Errors.NetlinkException.Describe(error)}");
            using (var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, document, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            if (document is not null && VersionOf(path) is { } version)
            {
                lock (_cache)
                    _cache[path] = (version, document);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_cache)
                _cache.Remove(path);
            File.Delete(temporary);
            throw new ContainerNetException("StateWriteFailed", ErrorKind.InvalidOperation, path,
                $"Cannot write the state file {path}: {ex.Message}", ex);
        }
    }

    public void Delete(string name)
    {
        string path = PathOf(Validate(name));
        File.Delete(path);
        lock (_cache)
            _cache.Remove(path);
    }

    /// <summary>
    /// Removes temporary files of writes that never got to their rename (a process killed mid-write).
    /// Call it holding the lock: every write happens under it, so no temporary file is in use then.
    /// </summary>
    public IReadOnlyList<string> RemoveTemporaryFiles()
    {
        if (!System.IO.Directory.Exists(Directory))
            return Array.Empty<string>();
        var removed = System.IO.Directory.EnumerateFiles(Directory, "." + "*" + Extension + ".*.tmp").ToList();
        foreach (string path in removed)
            File.Delete(path);
        return removed;
    }

    private const int FileMode0600 = 0b110_000_000;
    private const int DirectoryMode0700 = 0b111_000_000;

    private void EnsureDirectory()
    {
        if (System.IO.Directory.Exists(Directory))
            return;
        string? parent = Path.GetDirectoryName(Directory);
        if (parent is not null)
            System.IO.Directory.CreateDirectory(parent);
        int error = Syscall.MakeDirectory(Directory, DirectoryMode0700);
        if (error != 0 && error != LibC.EEXIST)
            throw KernelErrors.FromErrno(error, $"create the state directory {Directory}", Directory, "StateNotFound");
    }

    /// <summary>Document names are network names: one path component, as namespace names are.</summary>
    private static string Validate(string name)
    {
        if (!NamespaceName.IsValid(name) || name.StartsWith('.'))
            throw new ContainerNetException("InvalidNetworkName", ErrorKind.InvalidArgument, name,
                $"'{name}' is not a valid network name. Use letters, digits, '_', '.' and '-' (not starting with '.').");
        return name;
    }
}
