using ContainerNet.Core.Errors;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Core.Tests.Firewall;

public class PortRangeTests
{
    [Theory]
    [InlineData("80", 80, 80)]
    [InlineData("1", 1, 1)]
    [InlineData("65535", 65535, 65535)]
    [InlineData("8000-8010", 8000, 8010)]
    [InlineData("1-65535", 1, 65535)]
    [InlineData("8080-8080", 8080, 8080)]
    [InlineData(" 8080 ", 8080, 8080)]   // the text is trimmed
    [InlineData("080", 80, 80)]          // leading zeros are still decimal
    public void ParsesPortsAndRanges(string text, int first, int last)
    {
        PortRange range = PortRange.Parse(text, "host port");
        Assert.Equal(first, range.First);
        Assert.Equal(last, range.Last);
        Assert.Equal(last - first + 1, range.Count);
    }

    [Theory]
    [InlineData("80", "80")]
    [InlineData("8080-8080", "8080")]
    [InlineData("8000-8010", "8000-8010")]
    public void WritesOnePortOrARange(string text, string expected) =>
        Assert.Equal(expected, PortRange.Parse(text, "port").ToString());

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("0-10")]
    [InlineData("65530-65536")]
    [InlineData("99999999999")]   // does not fit an int: still InvalidPort, not an overflow
    public void RefusesPortsOutOfRange(string text)
    {
        var error = Assert.Throws<ContainerNetException>(() => PortRange.Parse(text, "container port"));
        Assert.Equal("InvalidPort", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(text, error.Target);
    }

    [Fact]
    public void NamesTheRoleAndTheRangeInTheMessage()
    {
        var error = Assert.Throws<ContainerNetException>(() => PortRange.Parse("65536", "host port"));
        Assert.Contains("host port 65536", error.Message);
        Assert.Contains("1 to 65535", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("http")]
    [InlineData("80a")]
    [InlineData("-80")]
    [InlineData("80-")]
    [InlineData("-")]
    [InlineData("+80")]
    [InlineData("1-2-3")]
    [InlineData("80,81")]
    [InlineData("8000:8010")]
    [InlineData("8000 - 8010")]
    [InlineData("0x50")]
    [InlineData("८०")]   // Devanagari digits are digits to char.IsDigit, not to a port parser
    public void RefusesWhatIsNotAPortOrRange(string? text)
    {
        var error = Assert.Throws<ContainerNetException>(() => PortRange.Parse(text, "container port"));
        Assert.Equal("InvalidPort", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("8000-8010", error.Message);
    }

    [Fact]
    public void RefusesAReversedRangeAndSaysHowToWriteIt()
    {
        var error = Assert.Throws<ContainerNetException>(() => PortRange.Parse("8010-8000", "host port"));
        Assert.Equal("InvalidPortRange", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("8000-8010", error.Message);
    }

    [Fact]
    public void ChecksTheRangeBeforeTheOrder()
    {
        // Both wrong: the port out of range is reported (it is the more basic mistake).
        var error = Assert.Throws<ContainerNetException>(() => PortRange.Parse("70000-80", "host port"));
        Assert.Equal("InvalidPort", error.ErrorId);
    }
}
