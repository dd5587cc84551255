using ContainerNet.Core.Errors;
using ContainerNet.Netlink.Errors;

namespace ContainerNet.Core.Tests.Errors;

public class KernelErrorsTests
{
    [Theory]
    [InlineData(1, "PermissionDenied", ErrorKind.PermissionDenied)]   // EPERM
    [InlineData(13, "PermissionDenied", ErrorKind.PermissionDenied)]  // EACCES
    [InlineData(17, "LinkExists", ErrorKind.ResourceExists)]          // EEXIST
    [InlineData(19, "LinkNotFound", ErrorKind.ObjectNotFound)]        // ENODEV
    [InlineData(16, "ResourceBusy", ErrorKind.ResourceBusy)]          // EBUSY
    [InlineData(22, "InvalidKernelArgument", ErrorKind.InvalidArgument)] // EINVAL
    [InlineData(95, "NotSupported", ErrorKind.InvalidOperation)]      // EOPNOTSUPP
    public void MapsErrnoToIdAndKind(int errno, string id, ErrorKind kind)
    {
        var translated = KernelErrors.Translate(new NetlinkException(errno, "x"), "create veth pair 'a'", "a");
        Assert.Equal(id, translated.ErrorId);
        Assert.Equal(kind, translated.Kind);
        Assert.Equal(errno, translated.Errno);
        Assert.Equal("a", translated.Target);
        Assert.StartsWith("Cannot create veth pair 'a'", translated.Message);
    }

    [Fact]
    public void PermissionErrorsSayWhatIsNeeded()
    {
        var translated = KernelErrors.Translate(new NetlinkException(1, "x"), "create namespace 'web'", "web");
        Assert.Contains("root", translated.Message);
        Assert.Contains("CAP_NET_ADMIN", translated.Message);
    }

    [Fact]
    public void KeepsTheKernelsOwnText()
    {
        var translated = KernelErrors.Translate(new NetlinkException(22, "x", "MTU greater than device maximum"), "change link 'a'", "a");
        Assert.Equal("MTU greater than device maximum", translated.KernelMessage);
        Assert.Contains("The kernel said: MTU greater than device maximum.", translated.Message);
    }
}
