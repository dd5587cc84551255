using System.Reflection;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.UserData;

namespace ContainerNet.Netlink.Tests.Netfilter.Constants;

/// <summary>
/// Every constant of the Nf*Constants classes and of NftUserDataTypes has the value the C compiler gives
/// the same name in the kernel (and libnftnl) headers: NfHeaderValues.cs, written by print-nf-constants.sh.
/// A constant added without regenerating that file fails here until it is checked.
/// </summary>
public sealed class NfConstantsTests
{
    public static TheoryData<string> ConstantClasses() =>
        new(typeof(NfTablesConstants).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(NfTablesConstants).Namespace && t.Name.StartsWith("Nf", StringComparison.Ordinal))
            .Append(typeof(NftUserDataTypes))
            .Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(ConstantClasses))]
    public void Every_constant_matches_the_header(string typeName)
    {
        var type = typeof(NfTablesConstants).Assembly.GetType(typeName)!;
        var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();
        Assert.NotEmpty(constants);

        var mismatches = new List<string>();
        foreach (var field in constants)
        {
            long ours = Convert.ToInt64(field.GetRawConstantValue());
            if (!NfHeaderValues.ByName.TryGetValue(field.Name, out long header))
                mismatches.Add($"{field.Name}: not in NfHeaderValues.cs; run print-nf-constants.sh");
            else if (ours != header)
                mismatches.Add($"{field.Name}: {ours} here, {header} in the header");
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void The_conntrack_state_bits_are_the_headers_macro()
    {
        // NF_CT_STATE_BIT(ctinfo) is a macro; `ct state established,related` masks with 0x06.
        Assert.Equal(2u, NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_ESTABLISHED));
        Assert.Equal(4u, NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_RELATED));
        Assert.Equal(8u, NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_NEW));
    }
}
