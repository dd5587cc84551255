using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;

namespace ContainerNet.Core.Tests.Links;

public class MacAddressTests
{
    [Theory]
    [InlineData("02:42:ac:11:00:02", new byte[] { 0x02, 0x42, 0xac, 0x11, 0x00, 0x02 })]
    [InlineData("02-42-AC-11-00-02", new byte[] { 0x02, 0x42, 0xac, 0x11, 0x00, 0x02 })]
    [InlineData("2:0:0:0:0:1", new byte[] { 0x02, 0, 0, 0, 0, 0x01 })]
    public void ParsesColonAndDashForms(string text, byte[] expected) => Assert.Equal(expected, MacAddress.Parse(text));

    [Theory]
    [InlineData("02:42:ac:11:00")]
    [InlineData("02:42:ac:11:00:02:03")]
    [InlineData("zz:42:ac:11:00:02")]
    [InlineData("002:42:ac:11:00:02")]
    [InlineData("")]
    public void RejectsMalformed(string text)
    {
        var error = Assert.Throws<ContainerNetException>(() => MacAddress.Parse(text));
        Assert.Equal("InvalidMacAddress", error.ErrorId);
    }

    [Fact]
    public void RejectsMulticast()
    {
        var error = Assert.Throws<ContainerNetException>(() => MacAddress.Parse("01:00:5e:00:00:01"));
        Assert.Contains("multicast", error.Message);
    }

    [Fact]
    public void FormatsLowercaseWithColons() =>
        Assert.Equal("02:42:ac:11:00:0a", MacAddress.Format(new byte[] { 0x02, 0x42, 0xac, 0x11, 0x00, 0x0a }));

    [Fact]
    public void RandomAddressesAreLocallyAdministeredUnicast()
    {
        for (int i = 0; i < 200; i++)
        {
            byte[] mac = MacAddress.NewRandom();
            Assert.Equal(6, mac.Length);
            Assert.Equal(0, mac[0] & 0x01); // unicast
            Assert.Equal(0x02, mac[0] & 0x02); // locally administered
        }
    }
}
