using ContainerNet.Netlink.Constants;

namespace ContainerNet.Core.Addressing;

/// <summary>Names of route/address scopes and route protocols, as iproute2 prints them.</summary>
public static class ScopeNames
{
    public static string Scope(byte scope) => scope switch
    {
        RouteConstants.RT_SCOPE_UNIVERSE => "global",
        RouteConstants.RT_SCOPE_SITE => "site",
        RouteConstants.RT_SCOPE_LINK => "link",
        RouteConstants.RT_SCOPE_HOST => "host",
        RouteConstants.RT_SCOPE_NOWHERE => "nowhere",
        _ => scope.ToString(),
    };

    public static string Protocol(byte protocol) => protocol switch
    {
        RouteConstants.RTPROT_UNSPEC => "unspec",
        RouteConstants.RTPROT_KERNEL => "kernel",
        RouteConstants.RTPROT_BOOT => "boot",
        RouteConstants.RTPROT_STATIC => "static",
        _ => protocol.ToString(),
    };
}
