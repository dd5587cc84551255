using System.Text;
using ContainerNet.Core.Processes;

namespace ContainerNet.Core.Networks;

/// <summary>
/// Name resolution for networks through hosts files. Each network has one file (in the state
/// directory, hosts/NETWORK) listing every endpoint by name and aliases. A container's
/// /etc/netns/CONTAINER/hosts (what `ip netns exec` and Invoke-NetNamespace bind-mount on /etc/hosts)
/// is a symlink to that file while the container is on one network and has no links, so a connect
/// appends one line to one file; a container on several networks, or with links (whose aliases only it
/// sees), gets a file of its own, rebuilt when any of its networks changes. Files are written in place,
/// never replaced, so a process that already has /etc/hosts bind-mounted sees the change. Callers hold
/// the state lock.
/// </summary>
internal sealed class HostsFiles
{
    public const string Marker = "# ContainerNet";

    private readonly string _networkDirectory;
    private readonly string _etcNetns;

    public HostsFiles(string stateDirectory, string etcNetns = NamespaceProcessRunner.EtcNetnsDirectory)
    {
        _networkDirectory = Path.Combine(stateDirectory, "hosts");
        _etcNetns = etcNetns;
    }

    public string NetworkFile(string network) => Path.Combine(_networkDirectory, network);

    public string ContainerFile(string container) => Path.Combine(_etcNetns, container, "hosts");

    /// <summary>Rewrites the network's file from its document (create, disconnect, repair).</summary>
    public void WriteNetwork(NetworkDocument network)
    {
        var text = new StringBuilder(Header($"network {network.Name}"));
        foreach (EndpointDocument endpoint in network.Endpoints)
            AppendEntries(text, endpoint, endpoint.Container);
        Directory.CreateDirectory(_networkDirectory);
        WriteInPlace(NetworkFile(network.Name), text.ToString());
    }

    /// <summary>Appends one endpoint's lines to its network's file (connect: one write, whatever the size of the network).</summary>
    public void AppendToNetwork(NetworkDocument network, EndpointDocument endpoint)
    {
        string path = NetworkFile(network.Name);
        if (!File.Exists(path))
        {
            WriteNetwork(network);
            return;
        }
        var text = new StringBuilder();
        AppendEntries(text, endpoint, endpoint.Container);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes); // one write(2) of a few lines
    }

    public void DeleteNetwork(string network) => File.Delete(NetworkFile(network));

    /// <summary>
    /// Points the container's hosts file at what it should see: its one network's file, or a file of its
    /// own for several networks or links; removes ours when it is on no network.
    /// </summary>
    public void WriteContainer(string container, IReadOnlyList<NetworkDocument> memberships)
    {
        string path = ContainerFile(container);
        if (memberships.Count == 0)
        {
            RemoveContainer(container);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        bool hasLinks = memberships.Any(n => n.Endpoints.Any(e => e.Container == container && e.Links.Count > 0));
        if (memberships.Count == 1 && !hasLinks)
        {
            string target = NetworkFile(memberships[0].Name);
            var info = new FileInfo(path);
            if (info.LinkTarget == target)
                return;
            string temporary = path + ".containernet.tmp";
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, target);
            File.Move(temporary, path, overwrite: true); // rename(2): atomic replace of file or link
            return;
        }
        var text = new StringBuilder(Header($"container {container} on {string.Join(", ", memberships.Select(n => n.Name))}"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (NetworkDocument network in memberships)
        {
            foreach (EndpointDocument endpoint in network.Endpoints)
                if (seen.Add(network.Name + "/" + endpoint.Container))
                    AppendEntries(text, endpoint, endpoint.Container);
        }
        foreach (NetworkDocument network in memberships)
        {
            EndpointDocument self = network.Endpoints.First(e => e.Container == container);
            foreach (string link in self.Links)
            {
                (string target, string alias) = NetworkOperations.SplitLink(link);
                if (network.Endpoints.FirstOrDefault(e => e.Container == target) is { } linked)
                    AppendLine(text, linked, new[] { alias });
            }
        }
        if (new FileInfo(path).LinkTarget is not null)
            File.Delete(path); // a symlink to a network file: never write through it
        WriteInPlace(path, text.ToString());
    }

    /// <summary>Removes the container's hosts file if it is ours (our symlink or our header), and its /etc/netns directory if empty.</summary>
    public void RemoveContainer(string container)
    {
        string path = ContainerFile(container);
        if (!IsOurs(path))
            return;
        File.Delete(path);
        string directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            Directory.Delete(directory);
    }

    /// <summary>Containers that have a hosts file of ours (for repair).</summary>
    public IEnumerable<string> ContainersWithOurFiles() =>
        Directory.Exists(_etcNetns)
            ? Directory.EnumerateDirectories(_etcNetns).Select(Path.GetFileName).OfType<string>()
                .Where(c => IsOurs(ContainerFile(c)))
            : Enumerable.Empty<string>();

    /// <summary>Network files present (for repair).</summary>
    public IEnumerable<string> NetworkFiles() =>
        Directory.Exists(_networkDirectory) ? Directory.EnumerateFiles(_networkDirectory).Select(Path.GetFileName).OfType<string>() : Enumerable.Empty<string>();

    public bool IsOurs(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
            return target.StartsWith(_networkDirectory + "/", StringComparison.Ordinal);
        if (!info.Exists)
            return false;
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.StartsWith(Marker, StringComparison.Ordinal) == true;
    }

    private static string Header(string what) =>
        $"{Marker} hosts of {what}. Rewritten on every connect and disconnect: changes here are lost.\n" +
        "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";

    private static void AppendEntries(StringBuilder text, EndpointDocument endpoint, string name) =>
        AppendLine(text, endpoint, new[] { name }.Concat(endpoint.Aliases));

    private static void AppendLine(StringBuilder text, EndpointDocument endpoint, IEnumerable<string> names)
    {
        string joined = string.Join(' ', names.Distinct(StringComparer.Ordinal));
        foreach (string? address in new[] { endpoint.IPv4Address, endpoint.IPv6Address })
            if (address is not null)
                text.Append(address).Append('\t').Append(joined).Append('\n');
    }

    /// <summary>Truncate and write through the same inode: bind mounts of it stay valid.</summary>
    private static void WriteInPlace(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        stream.SetLength(0);
        stream.Write(bytes);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
