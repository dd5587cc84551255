using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.State;
using ContainerNet.Netlink.Route.Links;

namespace ContainerNet.Core.Networks;

/// <summary>
/// Repair: the state is the truth for what was meant, the kernel for what exists. A crashed or killed
/// operation leaves one of them ahead of the other; repair brings them together and reports each fix.
/// </summary>
public sealed partial class NetworkOperations
{
    /// <summary>Repairs the named networks (all when none are named), plus leftovers of networks that no longer exist.</summary>
    public IReadOnlyList<RepairFinding> Repair(IReadOnlyCollection<string>? names = null) => Guarded(() => RepairCore(names));

    private IReadOnlyList<RepairFinding> RepairCore(IReadOnlyCollection<string>? names)
    {
        if (names is not null)
            foreach (string name in names)
                ValidateNetworkName(name);
        var findings = new List<RepairFinding>();
        using StateLock held = _store.Lock();
        var all = LoadAll();
        if (names is not null && names.FirstOrDefault(n => !all.ContainsKey(n)) is { } unknown)
            throw NetworkNotFound(unknown);
        var chosen = all.Values.Where(d => names is null || names.Contains(d.Name)).ToList();

        foreach (NetworkDocument doc in chosen)
            RepairBridge(doc, findings);
        RepairVeths(all, chosen, findings);
        RepairFirewall(all, chosen, findings, everything: names is null);
        foreach (NetworkDocument doc in chosen)
            _store.Write(doc.Name, doc);
        RepairHosts(all, chosen, findings, everything: names is null);
        foreach (string leftover in _store.RemoveTemporaryFiles())
            findings.Add(new RepairFinding
            {
                Network = "", Kind = "LeftoverStateFile", Target = leftover, Action = "Removed",
                Description = $"{leftover} is the temporary file of a state write that was interrupted; the document it was meant for is intact.",
            });
        return findings;
    }

    /// <summary>A network whose bridge is gone gets it back (with its gateway addresses); its endpoints went with it.</summary>
    private void RepairBridge(NetworkDocument doc, List<RepairFinding> findings)
    {
        if (_links.Dump(null).Any(l => l.Name == doc.BridgeName))
            return;
        CreateBridgeWithGateways(doc);
        findings.Add(new RepairFinding
        {
            Network = doc.Name, Kind = "MissingBridge", Target = doc.BridgeName, Action = "Restored",
            Description = $"The bridge '{doc.BridgeName}' of network '{doc.Name}' was gone; it was made again with its gateway address(es).",
        });
    }

    /// <summary>Veths on a network's bridge (or in its link group) without an endpoint go; endpoints without their veth leave the state.</summary>
    private void RepairVeths(Dictionary<string, NetworkDocument> all, List<NetworkDocument> chosen, List<RepairFinding> findings)
    {
        List<LinkMessage> links = _links.Dump(null);
        var byName = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        foreach (NetworkDocument doc in chosen)
        {
            int? bridgeIndex = byName.GetValueOrDefault(doc.BridgeName)?.Index;
            var known = doc.Endpoints.Select(e => e.HostInterface).ToHashSet(StringComparer.Ordinal);
            var leftovers = links.Where(l => l.Kind == "veth" && !known.Contains(l.Name)
                && (l.Group == doc.LinkGroup || (bridgeIndex is not null && l.MasterIndex == bridgeIndex))).ToList();
            foreach (LinkMessage leftover in leftovers)
            {
                DeleteLinkIfPresent(leftover.Name);
                findings.Add(new RepairFinding
                {
                    Network = doc.Name, Kind = "LeftoverVeth", Target = leftover.Name, Action = "Removed",
                    Description = $"Veth '{leftover.Name}' on the bridge of network '{doc.Name}' belonged to no endpoint (an interrupted connect); it was deleted with its peer.",
                });
            }
            foreach (EndpointDocument endpoint in doc.Endpoints.ToList())
            {
                bool present = byName.TryGetValue(endpoint.HostInterface, out LinkMessage? veth) && veth.MasterIndex == bridgeIndex
                    && _connections.Registry.Exists(endpoint.Container);
                if (present)
                    continue;
                if (veth is not null)
                    DeleteLinkIfPresent(endpoint.HostInterface);
                doc.Endpoints.Remove(endpoint);
                findings.Add(new RepairFinding
                {
                    Network = doc.Name, Kind = "StaleEndpoint", Target = endpoint.Container, Action = "Removed",
                    Description = $"Endpoint '{endpoint.Container}' ({endpoint.IPv4Address ?? endpoint.IPv6Address}) of network '{doc.Name}' had no veth on the bridge (or no namespace); its allocation was released.",
                });
            }
        }
    }

    /// <summary>Ports and links of endpoints that no longer exist go; each network's own rules are replayed where missing.</summary>
    private void RepairFirewall(Dictionary<string, NetworkDocument> all, List<NetworkDocument> chosen, List<RepairFinding> findings, bool everything)
    {
        var chosenNames = chosen.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        bool Leftover(string? network, string? container) =>
            network is not null && (all.TryGetValue(network, out NetworkDocument? doc)
                ? chosenNames.Contains(network) && !doc.Endpoints.Any(e => e.Container == container)
                : everything);
        var (ports, links) = _firewall.ListOwned(null);
        var stalePorts = ports.Where(p => Leftover(p.Network, p.Container)).ToList();
        var staleLinks = links.Where(l => Leftover(l.Network, l.Container)).ToList();
        if (stalePorts.Count + staleLinks.Count > 0)
        {
            _firewall.RemoveOwned(null, Leftover);
            findings.AddRange(stalePorts.Select(p => new RepairFinding
            {
                Network = p.Network ?? "", Kind = "LeftoverPort", Target = p.ToString(), Action = "Removed",
                Description = $"Published port {p} was made for '{p.Container}' on '{p.Network}', which is no longer there.",
            }));
            findings.AddRange(staleLinks.Select(l => new RepairFinding
            {
                Network = l.Network ?? "", Kind = "LeftoverLink", Target = l.ToString(), Action = "Removed",
                Description = $"Link exception {l} was made for '{l.Container}' on '{l.Network}', which is no longer there.",
            }));
        }

        // Link exceptions the state holds for icc-off endpoints but the kernel lacks are put back.
        var present = _firewall.ListOwned(null).Links;
        foreach (NetworkDocument doc in chosen)
        {
            foreach (EndpointDocument endpoint in doc.Endpoints)
            {
                var missingLinks = LinkExceptions(doc, endpoint)
                    .Where(wanted => !present.Any(l => l.SameRule(wanted) && l.Network == wanted.Network && l.Container == wanted.Container)).ToList();
                if (missingLinks.Count == 0)
                    continue;
                _firewall.AddEndpointLinks(null, missingLinks);
                findings.AddRange(missingLinks.Select(l => new RepairFinding
                {
                    Network = doc.Name, Kind = "MissingLink", Target = l.ToString(), Action = "Restored",
                    Description = $"Link exception {l} of '{endpoint.Container}' on '{doc.Name}' was missing from the firewall; it was put back.",
                }));
            }
        }

        // Ports the state holds for endpoints but the kernel lacks (a flushed ruleset) are published again.
        var publishedNow = _firewall.ListPorts(null);
        foreach (NetworkDocument doc in chosen)
        {
            foreach (EndpointDocument endpoint in doc.Endpoints)
            {
                var missingPorts = MappingsOf(doc, endpoint)
                    .Where(wanted => wanted.ContainerAddress.Length > 0 && !publishedNow.Any(m => m.Family == wanted.Family && m.Protocol == wanted.Protocol
                        && m.HostPort == wanted.HostPort && m.HostAddress == wanted.HostAddress)).ToList();
                if (missingPorts.Count == 0)
                    continue;
                _firewall.Publish(null, missingPorts.Select(m => new PublishSpec
                {
                    ContainerAddress = m.ContainerAddress, ContainerPort = m.ContainerPort.ToString(), HostPort = m.HostPort.ToString(),
                    HostAddress = m.HostAddress, Protocol = m.Protocol,
                }).ToList(), doc.Name, endpoint.Container);
                findings.AddRange(missingPorts.Select(m => new RepairFinding
                {
                    Network = doc.Name, Kind = "MissingPort", Target = m.ToString(), Action = "Restored",
                    Description = $"Published port {m} of '{endpoint.Container}' on '{doc.Name}' was missing from the firewall; it was published again.",
                }));
            }
        }

        var (isolated, masquerades, internals) = _firewall.ListNetworkRules(null);
        if (everything)
        {
            var bridges = all.Values.Select(d => d.BridgeName).ToHashSet(StringComparer.Ordinal);
            foreach (NatMasquerade masquerade in masquerades.Where(m => m.Comment?.StartsWith("containernet network ", StringComparison.Ordinal) == true))
            {
                string owner = masquerade.Comment!["containernet network ".Length..];
                if (all.ContainsKey(owner))
                    continue;
                string bridge = masquerade.ExceptInterface ?? "";
                _firewall.RemoveNetwork(null, new NetworkFirewallRules { Network = owner, Bridge = bridge, Subnets = new[] { IPPrefix.Parse(masquerade.Subnet) } });
                findings.Add(new RepairFinding
                {
                    Network = owner, Kind = "LeftoverNetworkRules", Target = masquerade.Subnet, Action = "Removed",
                    Description = $"The masquerade and isolation of removed network '{owner}' ({masquerade.Subnet}, bridge '{bridge}') were still in the firewall.",
                });
            }
        }
        foreach (NetworkDocument doc in chosen)
        {
            var rules = RulesOf(doc);
            bool missing = !isolated.Contains(doc.BridgeName)
                || (rules.Masquerade && rules.Subnets.Any(s => !masquerades.Any(m => m.Subnet == s.ToString())))
                || (rules.Internal && !internals.Contains(doc.BridgeName));
            if (!missing)
                continue;
            _firewall.AddNetwork(null, rules);
            findings.Add(new RepairFinding
            {
                Network = doc.Name, Kind = "MissingNetworkRules", Target = doc.BridgeName, Action = "Restored",
                Description = $"The firewall lacked rules of network '{doc.Name}' (isolation, masquerade or internal); they were replayed from the state.",
            });
        }
    }

    /// <summary>Every hosts file rewritten from the state; ours for containers on no network removed. Reports the files whose content changed.</summary>
    private void RepairHosts(Dictionary<string, NetworkDocument> all, List<NetworkDocument> chosen, List<RepairFinding> findings, bool everything)
    {
        foreach (NetworkDocument doc in chosen)
        {
            string before = Snapshot(_hosts.NetworkFile(doc.Name));
            _hosts.WriteNetwork(doc);
            if (before != Snapshot(_hosts.NetworkFile(doc.Name)))
                findings.Add(StaleHosts(doc.Name, _hosts.NetworkFile(doc.Name)));
        }
        var members = chosen.SelectMany(d => d.Endpoints.Select(e => e.Container)).Distinct(StringComparer.Ordinal).ToList();
        foreach (string container in members)
        {
            string path = _hosts.ContainerFile(container);
            string before = Snapshot(path);
            _hosts.WriteContainer(container, MembershipsOf(all, container));
            if (before != Snapshot(path))
                findings.Add(StaleHosts(MembershipsOf(all, container)[0].Name, path));
        }
        if (!everything)
            return;
        foreach (string container in _hosts.ContainersWithOurFiles().Where(c => MembershipsOf(all, c).Count == 0).ToList())
        {
            _hosts.RemoveContainer(container);
            findings.Add(new RepairFinding
            {
                Network = "", Kind = "LeftoverHostsFile", Target = _hosts.ContainerFile(container), Action = "Removed",
                Description = $"Container '{container}' is on no network, but its hosts file was still there.",
            });
        }
        foreach (string network in _hosts.NetworkFiles().Where(n => !all.ContainsKey(n)).ToList())
        {
            _hosts.DeleteNetwork(network);
            findings.Add(new RepairFinding
            {
                Network = network, Kind = "LeftoverHostsFile", Target = _hosts.NetworkFile(network), Action = "Removed",
                Description = $"Network '{network}' no longer exists, but its hosts file was still there.",
            });
        }
    }

    private static RepairFinding StaleHosts(string network, string path) => new()
    {
        Network = network, Kind = "StaleHostsFile", Target = path, Action = "Rewritten",
        Description = $"{path} did not match the endpoints in the state; it was rewritten.",
    };

    /// <summary>What a hosts path shows: a symlink's target or a file's text.</summary>
    private static string Snapshot(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
            return "-> " + target;
        return info.Exists ? File.ReadAllText(path) : "";
    }
}
