using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;

namespace ContainerNet.Core.Tests.Namespaces;

public class NamespaceNameTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("db-1")]
    [InlineData("c_2.test")]
    [InlineData("...")]
    public void AcceptsSinglePathComponents(string name) => Assert.True(NamespaceName.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("tab\t")]
    [InlineData("ünicode")]
    public void RejectsNamesThatCouldLeaveRunNetns(string name)
    {
        Assert.False(NamespaceName.IsValid(name));
        var error = Assert.Throws<ContainerNetException>(() => NamespaceName.Validate(name));
        Assert.Equal("InvalidNamespaceName", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(name, error.Target);
    }

    [Fact]
    public void RejectsOverlongNames() => Assert.False(NamespaceName.IsValid(new string('a', 256)));
}
