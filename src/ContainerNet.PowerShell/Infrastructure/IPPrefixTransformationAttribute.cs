using System.Management.Automation;
using System.Net;
using ContainerNet.Core.Addresses;

namespace ContainerNet.Commands.Infrastructure;

/// <summary>
/// Lets -Address/-Destination take objects as well as text: a NetAddress gives its CIDR form, an
/// IPAddress its text. Text passes through unchanged so Core can refuse bad input with its own
/// ErrorIds (InvalidCidr, InvalidRouteDestination) instead of a generic binding error.
/// </summary>
public sealed class IPPrefixTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Convert(inputData);

    private static object? Convert(object? input) => input switch
    {
        null => null,
        PSObject wrapped => Convert(wrapped.BaseObject),
        string text => text,
        NetAddress address => address.Address,
        IPAddress ip => ip.ToString(),
        object[] many => many.Select(Convert).ToArray(),
        _ => input.ToString(),
    };
}
