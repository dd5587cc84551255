using ContainerNet.Core.Errors;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Core.Links;

/// <summary>One link's outcome in a change made to many links: the link afterwards (when asked for), or why it was not changed.</summary>
public sealed record LinkChangeResult(string Name, NetLink? Link, ContainerNetException? Error);

public sealed partial class LinkOperations
{
    /// <summary>Up to this many names are looked up one by one; more are found in one dump of the namespace.</summary>
    private const int LookupsBeforeDump = 8;

    /// <summary>
    /// Applies the same changes to many links of one namespace in one pipelined exchange: every link is
    /// looked up (one dump when there are many), then all the changes go to the kernel in one send, and
    /// each is acked on its own. Bringing many bridge ports up at once this way costs a fraction of one
    /// call per link. Each name succeeds or fails on its own, in the given order; a name given twice is
    /// changed once and reported twice. A new name or MAC address fits one link only (OneLinkOnly).
    /// </summary>
    public IReadOnlyList<LinkChangeResult> SetMany(string? namespaceName, IReadOnlyList<string> names, LinkChanges changes,
        bool returnLinks = false)
    {
        RequireOneLinkFor(changes, names);
        if (changes.NewName is not null)
            LinkName.Validate(changes.NewName, "new interface");
        ValidateMtu(changes.Mtu, names.Count > 0 ? names[0] : "");
        byte[]? mac = changes.MacAddress is null ? null : MacAddress.Parse(changes.MacAddress);

        var failures = new Dictionary<string, ContainerNetException>(StringComparer.Ordinal);
        List<string> distinct = names.Distinct(StringComparer.Ordinal).ToList();
        foreach (string name in distinct)
        {
            if (ContainerNetException.FromCheck(() => LinkName.Validate(name)) is { } invalid)
                failures[name] = invalid;
        }
        List<string> valid = distinct.Where(n => !failures.ContainsKey(n)).ToList();
        Dictionary<string, LinkMessage> found = FindMany(namespaceName, valid);
        List<string> toChange = valid.Where(found.ContainsKey).ToList();
        foreach (string missing in valid.Where(n => !found.ContainsKey(n)))
            failures[missing] = LinkNotFound(namespaceName, missing);

        if (toChange.Count > 0)
        {
            int destinationFd = OpenDestination(changes);
            try
            {
                var requests = toChange.Select(n => (INetlinkRequest)ToRequest(found[n].Index, changes, mac, destinationFd)).ToList();
                NetlinkException?[] errors = _connections.Route(namespaceName).ExecuteAll(requests);
                for (int i = 0; i < toChange.Count; i++)
                {
                    if (errors[i] is { } error)
                        failures[toChange[i]] = SetFailure(error, namespaceName, toChange[i], changes);
                }
            }
            finally
            {
                if (destinationFd >= 0)
                    Native.Syscall.Close(destinationFd);
            }
        }

        Dictionary<string, NetLink>? after = null;
        if (returnLinks && toChange.Any(n => !failures.ContainsKey(n)))
        {
            string finalNamespace = changes.DestinationNamespace ?? namespaceName ?? "";
            after = List(finalNamespace).ToDictionary(l => l.Name, StringComparer.Ordinal);
        }
        return names.Select(name => failures.TryGetValue(name, out var failure)
                ? new LinkChangeResult(name, null, failure)
                : new LinkChangeResult(name, after?.GetValueOrDefault(changes.NewName ?? name), null))
            .ToList();
    }

    /// <summary>A new name or MAC address fits one link: OneLinkOnly when several names come with one.</summary>
    public static void RequireOneLinkFor(LinkChanges changes, IReadOnlyList<string> names)
    {
        if (names.Count > 1 && (changes.NewName is not null || changes.MacAddress is not null))
            throw new ContainerNetException("OneLinkOnly", ErrorKind.InvalidArgument, string.Join(",", names),
                $"A new name or MAC address is for one link, but {names.Count} were given. Give one -Name with -NewName or -MacAddress.");
    }

    /// <summary>The named links that exist, by name: a lookup each for a few names, one dump for many.</summary>
    private Dictionary<string, LinkMessage> FindMany(string? namespaceName, IReadOnlyList<string> names)
    {
        var found = new Dictionary<string, LinkMessage>(StringComparer.Ordinal);
        if (names.Count <= LookupsBeforeDump)
        {
            foreach (string name in names)
            {
                if (LookupIndexOrName(namespaceName, name) is { } message)
                    found[name] = message;
            }
            return found;
        }
        var wanted = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (LinkMessage message in Dump(namespaceName))
        {
            if (wanted.Contains(message.Name))
                found[message.Name] = message;
        }
        return found;
    }
}
