using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Addressing;

/// <summary>An IP address with a prefix length, as written "10.88.0.2/16" or "2001:db8::2/64".</summary>
public readonly record struct IPPrefix(IPAddress Address, int PrefixLength)
{
    public IPFamily Family => AddressFamilies.Of(Address);

    public int MaxPrefixLength => Family == IPFamily.IPv6 ? 128 : 32;

    /// <summary>The network: the address with every host bit cleared.</summary>
    public IPAddress Network => Mask(Address, PrefixLength);

    public bool HasHostBits => !Network.Equals(Address);

    public bool Contains(IPAddress candidate) =>
        candidate.AddressFamily == Address.AddressFamily && Mask(candidate, PrefixLength).Equals(Network);

    public override string ToString() => $"{Address}/{PrefixLength}";

    public static bool TryParse(string? text, bool prefixRequired, out IPPrefix prefix, out string reason)
    {
        prefix = default;
        reason = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "it is empty";
            return false;
        }
        string trimmed = text.Trim();
        int slash = trimmed.IndexOf('/');
        string addressText = slash < 0 ? trimmed : trimmed[..slash];
        // IPAddress.TryParse also takes "10" or "10.1" (classful shorthand) and hex forms: refuse anything but dotted quads.
        if (!IPAddress.TryParse(addressText, out IPAddress? address)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3)
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && (address.ScopeId != 0 || !addressText.Contains(':'))))
        {
            reason = $"'{addressText}' is not an IPv4 or IPv6 address";
            return false;
        }
        int max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        int length = max;
        if (slash < 0)
        {
            if (prefixRequired)
            {
                reason = "it has no prefix length (add /N, e.g. /16)";
                return false;
            }
        }
        else if (!int.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max)
        {
            reason = $"the prefix length '{trimmed[(slash + 1)..]}' is not a number from 0 to {max}";
            return false;
        }
        prefix = new IPPrefix(address, length);
        return true;
    }

    /// <summary>Parses or throws InvalidCidr naming what is wrong.</summary>
    public static IPPrefix Parse(string? text, string role = "address", bool prefixRequired = false)
    {
        if (TryParse(text, prefixRequired, out IPPrefix prefix, out string reason))
            return prefix;
        throw new ContainerNetException("InvalidCidr", ErrorKind.InvalidArgument, text,
            $"'{text}' is not a valid {role}: {reason}. Write it as 10.88.0.2/16 or 2001:db8::2/64.");
    }

    public static IPAddress ParseAddress(string? text, string role)
    {
        if (!TryParse(text, prefixRequired: false, out IPPrefix prefix, out string reason))
            throw new ContainerNetException("InvalidAddress", ErrorKind.InvalidArgument, text,
                $"'{text}' is not a valid {role}: {reason}. Give a plain address, e.g. 10.88.0.1 or 2001:db8::1.");
        if (text!.Contains('/'))
            throw new ContainerNetException("InvalidAddress", ErrorKind.InvalidArgument, text,
                $"'{text}' is not a valid {role}: give a plain address without a prefix length, e.g. 10.88.0.1.");
        return prefix.Address;
    }

    public static IPAddress Mask(IPAddress address, int prefixLength)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bitsHere = Math.Clamp(prefixLength - i * 8, 0, 8);
            bytes[i] &= (byte)(0xff << (8 - bitsHere));
        }
        return new IPAddress(bytes);
    }
}
