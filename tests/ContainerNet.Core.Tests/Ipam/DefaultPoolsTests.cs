using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Ipam;

namespace ContainerNet.Core.Tests.Ipam;

public class DefaultPoolsTests
{
    private static IPPrefix P(string text) => IPPrefix.Parse(text);

    [Fact]
    public void FirstChoiceIsDockersDefaultBridgeSubnet() =>
        Assert.Equal(P("172.17.0.0/16"), DefaultPools.Choose(Array.Empty<IPPrefix>()));

    [Fact]
    public void SkipsSubnetsThatOverlapRoutesAddressesOrNetworks()
    {
        var taken = new[] { P("172.17.0.0/16"), P("172.18.5.7/24"), P("172.16.0.0/12") };
        // 172.16.0.0/12 covers every 172.17-31 /16: the next pool is 192.168.0.0/20.
        Assert.Equal(P("192.168.0.0/20"), DefaultPools.Choose(taken));
    }

    [Fact]
    public void A_host_address_inside_a_candidate_rules_it_out()
    {
        var taken = new[] { P("172.17.0.1/32") };
        Assert.Equal(P("172.18.0.0/16"), DefaultPools.Choose(taken));
    }

    [Fact]
    public void IPv6_subnets_never_block_IPv4_candidates() =>
        Assert.Equal(P("172.17.0.0/16"), DefaultPools.Choose(new[] { P("2001:db8::/32") }));

    [Fact]
    public void AfterTheLastPoolTheErrorSaysWhatToDo()
    {
        var taken = new[] { P("172.16.0.0/12"), P("192.168.0.0/16") };
        var error = Assert.Throws<ContainerNetException>(() => DefaultPools.Choose(taken));
        Assert.Equal("DefaultPoolsExhausted", error.ErrorId);
        Assert.Contains("-Subnet", error.Message);
    }

    [Fact]
    public void CandidatesAreFifteenSlash16sThenSixteenSlash20s()
    {
        var all = DefaultPools.Candidates().ToList();
        Assert.Equal(31, all.Count);
        Assert.Equal(P("172.31.0.0/16"), all[14]);
        Assert.Equal(P("192.168.240.0/20"), all[^1]);
    }
}
