using ContainerNet.Core.Errors;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Elements;

namespace ContainerNet.Core.Firewall;

/// <summary>The firewall side of Docker-style networks: a network's rules and an endpoint's links, each one batch.</summary>
public sealed partial class FirewallOperations
{
    /// <summary>
    /// Masquerade (unless off or internal), isolation from every other isolated bridge, icc off and
    /// internal, as the rules say: one transaction.
    /// </summary>
    public void AddNetwork(string? namespaceName, NetworkFirewallRules rules)
    {
        if (!rules.InterContainerTraffic)
            _bridgeFiltering(namespaceName);
        Change<object?>(namespaceName, $"add the firewall rules of network '{rules.Network}'", (state, batch) =>
        {
            if (rules.Masquerade && !rules.Internal)
            {
                foreach (var subnet in rules.Subnets)
                {
                    if (state.Masquerades.Any(m => m.Subnet == subnet.ToString()))
                        continue; // replayed by a repair: already there
                    if (state.Masquerades.Any(m => Overlaps(Addressing.IPPrefix.Parse(m.Subnet), subnet)))
                        throw new ContainerNetException("SubnetOverlaps", ErrorKind.ResourceExists, subnet.ToString(),
                            $"Subnet {subnet} of network '{rules.Network}' overlaps a subnet that is already masqueraded (see Get-NatMasquerade). Give the network a subnet of its own.");
                    batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeSet(subnet.Family),
                        IntervalElements(subnet, $"containernet network {rules.Network}"));
                    batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeExceptSet(subnet.Family),
                        new[] { PairElement(subnet, rules.Bridge) });
                }
            }
            var pairs = new List<(string In, string Out)>();
            if (!state.Isolated.Contains(rules.Bridge))
            {
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.IsolatedSet,
                    new[] { IfNameElement(rules.Bridge) });
                foreach (string other in state.Isolated)
                    pairs.AddRange(new[] { (rules.Bridge, other), (other, rules.Bridge) });
            }
            if (!rules.InterContainerTraffic)
                pairs.Add((rules.Bridge, rules.Bridge));
            pairs = pairs.Where(p => !state.Blocked.Contains(p)).ToList();
            if (pairs.Count > 0)
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.BlockedSet,
                    pairs.Select(p => BlockedElement(p.In, p.Out)).ToList());
            if (rules.Internal && !state.Internal.Contains(rules.Bridge))
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.InternalSet,
                    new[] { IfNameElement(rules.Bridge) });
            return null;
        });
    }

    /// <summary>
    /// Takes out everything of one network: its masquerade, isolation and icc pairs, internal mark,
    /// hairpin pairs, and every published port and link made for it (by their "network/container"
    /// comment). Missing pieces are skipped, so this also cleans up after a half-made network.
    /// </summary>
    public void RemoveNetwork(string? namespaceName, NetworkFirewallRules rules)
    {
        if (!Read(namespaceName).TableExists)
            return;
        Change<object?>(namespaceName, $"remove the firewall rules of network '{rules.Network}'", (state, batch) =>
        {
            if (!state.TableExists)
                return null;
            foreach (var subnet in rules.Subnets)
            {
                if (state.Masquerades.FirstOrDefault(m => m.Subnet == subnet.ToString()) is { } masquerade)
                {
                    batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeSet(subnet.Family),
                        IntervalElements(subnet, comment: null));
                    if (masquerade.ExceptInterface is { } except)
                        batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeExceptSet(subnet.Family),
                            new[] { PairElement(subnet, except) });
                }
            }
            foreach (var hairpin in state.Hairpins.Where(h => h.Bridge == rules.Bridge))
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.HairpinSet(hairpin.Subnet.Family),
                    new[] { PairElement(hairpin.Subnet, hairpin.Bridge) });
            if (state.Isolated.Contains(rules.Bridge))
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.IsolatedSet,
                    new[] { IfNameElement(rules.Bridge) });
            if (state.Internal.Contains(rules.Bridge))
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.InternalSet,
                    new[] { IfNameElement(rules.Bridge) });
            var pairs = state.Blocked.Where(p => p.In == rules.Bridge || p.Out == rules.Bridge).ToList();
            if (pairs.Count > 0)
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.BlockedSet,
                    pairs.Select(p => BlockedElement(p.In, p.Out)).ToList());
            DeleteOwned(state, batch, m => m == rules.Network, _ => true);
            return null;
        });
    }

    /// <summary>Link exceptions for one endpoint (Connect-ContainerNetwork -Link on an icc-off network), one batch.</summary>
    public void AddEndpointLinks(string? namespaceName, IReadOnlyList<ContainerLink> links)
    {
        if (links.Count == 0)
            return;
        Change<object?>(namespaceName, $"link {string.Join(", ", links)}", (state, batch) =>
        {
            foreach (ContainerLink link in links)
            {
                ContainerLink? existing = state.Links.FirstOrDefault(l => l.SameRule(link));
                if (existing is not null && (existing.Network is null || (existing.Network == link.Network && existing.Container == link.Container)))
                    continue; // made by Add-ContainerLink, or already ours: leave it
                if (existing is not null)
                {
                    // Tagged for an endpoint that no longer holds these addresses (a killed connect):
                    // take it over, so disconnect and repair see it as this endpoint's.
                    batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, LinkSetOf(existing), new[] { LinkElement(existing) });
                }
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, LinkSetOf(link), new[] { LinkElement(link) });
            }
            return null;
        });
    }

    /// <summary>Everything made for these endpoints of a network (published ports, links), one batch; none is no change.</summary>
    public void RemoveEndpoints(string? namespaceName, string network, IReadOnlyCollection<string> containers)
    {
        var wanted = containers.ToHashSet(StringComparer.Ordinal);
        FirewallState current = Read(namespaceName);
        if (!current.TableExists || !OwnedBy(current, n => n == network, c => c is not null && wanted.Contains(c)))
            return;
        Change<object?>(namespaceName, $"remove the ports and links of {containers.Count} endpoint(s) of network '{network}'", (state, batch) =>
        {
            DeleteOwned(state, batch, n => n == network, c => c is not null && wanted.Contains(c));
            return null;
        });
    }

    /// <summary>The published ports and links that endpoints of networks made ("network/container" comments).</summary>
    public (IReadOnlyList<PortMapping> Ports, IReadOnlyList<ContainerLink> Links) ListOwned(string? namespaceName)
    {
        FirewallState state = Read(namespaceName);
        return (state.Mappings.Where(m => m.Network is not null).ToList(), state.Links.Where(l => l.Network is not null).ToList());
    }

    /// <summary>Removes owned ports and links that the predicate picks, one batch (repair of leftovers).</summary>
    public void RemoveOwned(string? namespaceName, Func<string?, string?, bool> leftover)
    {
        Change<object?>(namespaceName, "remove leftover ports and links of networks", (state, batch) =>
        {
            if (state.TableExists)
                DeleteOwned(state, batch, leftover);
            return null;
        });
    }

    /// <summary>The bridges and subnets the firewall holds for networks (repair compares them with the state).</summary>
    public (IReadOnlyCollection<string> Isolated, IReadOnlyList<NatMasquerade> Masquerades, IReadOnlyCollection<string> Internal) ListNetworkRules(string? namespaceName)
    {
        FirewallState state = Read(namespaceName);
        return (state.Isolated, state.Masquerades, state.Internal);
    }

    private static bool OwnedBy(FirewallState state, Func<string?, bool> network, Func<string?, bool> container) =>
        state.Mappings.Any(m => m.Network is not null && network(m.Network) && container(m.Container))
        || state.Links.Any(l => l.Network is not null && network(l.Network) && container(l.Container));

    private static void DeleteOwned(FirewallState state, NftBatch batch, Func<string?, bool> network, Func<string?, bool> container) =>
        DeleteOwned(state, batch, (n, c) => network(n) && container(c));

    private static void DeleteOwned(FirewallState state, NftBatch batch, Func<string?, string?, bool> pick)
    {
        foreach (var byFamily in state.Mappings.Where(m => m.Network is not null && pick(m.Network, m.Container)).GroupBy(m => m.Family))
            batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.PublishMap(byFamily.Key),
                byFamily.Select(MappingElement).ToList());
        foreach (var bySet in state.Links.Where(l => l.Network is not null && pick(l.Network, l.Container)).GroupBy(LinkSetOf))
            batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, bySet.Key, bySet.Select(LinkElement).ToList());
    }
}
