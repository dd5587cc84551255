using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;

namespace ContainerNet.Core.Tests.Links;

public class LinkNameTests
{
    [Theory]
    [InlineData("eth0")]
    [InlineData("veth-web")]
    [InlineData("abcdefghijklmno")] // exactly 15 bytes
    public void AcceptsKernelValidNames(string name) => Assert.True(LinkName.IsValid(name, out _));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abcdefghijklmnop", "16 bytes")]
    [InlineData("ääääääää", "16 bytes")] // 8 characters, 16 UTF-8 bytes
    [InlineData("a/b", "'/'")]
    [InlineData("a:b", "':'")]
    [InlineData("a b", "whitespace")]
    [InlineData(".", "reserved")]
    [InlineData("..", "reserved")]
    public void RejectsWithTheReason(string name, string reasonPart)
    {
        Assert.False(LinkName.IsValid(name, out string reason));
        Assert.Contains(reasonPart, reason);
        var error = Assert.Throws<ContainerNetException>(() => LinkName.Validate(name));
        Assert.Equal("InvalidInterfaceName", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }
}
