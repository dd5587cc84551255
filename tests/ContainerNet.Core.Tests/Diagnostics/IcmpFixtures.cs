namespace ContainerNet.Core.Tests.Diagnostics;

/// <summary>
/// Real ICMP bytes, captured on this machine's kernel (6.18):
/// - PingV4Request/PingV6Request: what iputils ping wrote, `strace -s 256 -xx -e trace=sendto,recvmsg ping -c1 -n -s 16 127.0.0.1`
///   (and `ping -6 ... ::1`); its 16-byte payload is a struct timeval.
/// - Everything else: what a raw or datagram ICMP socket received in the test sandbox, with the
///   topology ra (10.99.2.1, 2001:db8:2::1) -- veth -- rr (router: 10.99.2.254, 2001:db8:2::fe,
///   forwarding on, no default route, routes for 198.51.100.0/24 and 2001:db8:7::/64 back via ra),
///   printed by a python3 script that sent echo id 0x4321 seq 7 with the payload "ContainerNet fixture....":
///   `ip netns exec ra python3 capture.py raw|dgram ADDRESS TTL`.
/// </summary>
internal static class IcmpFixtures
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public const ushort Identifier = 0x4321;
    public const ushort Sequence = 7;
    public static readonly byte[] Payload = "ContainerNet fixture...."u8.ToArray();

    // type 8, code 0, checksum 06c5, id 1055, seq 0001, payload (timeval)
    public const string PingV4Request = "0800 06c5 1055 0001 0f0c066b00000000c56d060000000000";
    // type 128, code 0, checksum 0000 (left to the kernel), id 105a, seq 0001, payload
    public const string PingV6Request = "8000 0000 105a 0001 0f0c066b00000000bcaf060000000000";
    // raw IPv4 socket: IP header (45 ... proto 01, 127.0.0.1 -> 127.0.0.1), then type 0, checksum 0ec5, id 1055, seq 1
    public const string PingV4Reply = "4500002c0ad40000400171fb7f0000017f000001" + "0000 0ec5 1055 0001 0f0c066b00000000c56d060000000000";

    // the request our script sent (IPv4, with its checksum)
    public const string ScriptV4Request = "0800 8e4c 4321 0007 436f6e7461696e65724e657420666978747572652e2e2e2e";
    public const string ScriptV6Request = "8000 0000 4321 0007 436f6e7461696e65724e657420666978747572652e2e2e2e";

    // raw IPv4: 10.99.2.254 -> 10.99.2.1, echo reply id 4321 seq 7
    public const string RawV4EchoReply = "450000340408000040015cfd0a6302fe0a630201" + "0000964c43210007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // raw IPv4: from the router, type 3 code 0 (net unreachable) quoting our request to 203.0.113.9
    public const string RawV4NetUnreachable = "45c00050046f000040015bba0a6302fe0a630201" + "0300fcff00000000"
        + "45000034e56b400040010cf00a630201cb007109" + "08008e4c43210007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // raw IPv4: from the router, type 11 code 0 (TTL exceeded) quoting our TTL 1 request to 198.51.100.7
    public const string RawV4TimeExceeded = "45c0005004a8000040015b810a6302fe0a630201" + "0b00f4ff00000000"
        + "450000345d2140000101e6090a630201c6336407" + "08008e4c43210007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // raw ICMPv6 (no IP header): echo reply from 2001:db8:2::fe
    public const string RawV6EchoReply = "8100b87c43210007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // raw ICMPv6: a neighbour advertisement the same socket saw first
    public const string RawV6NeighbourAdvertisement = "8800029ee000000020010db80002000000000000000000fe0201a23cceee96ab";
    // raw ICMPv6: neighbour solicitation
    public const string RawV6NeighbourSolicitation = "870010fd0000000020010db80002000000000000000000010101a23cceee96ab";
    // raw ICMPv6: type 1 code 0 (no route) from the router, quoting IPv6 header + our request to 2001:db8:9::9
    public const string RawV6NoRoute = "0100071700000000" + "600d00d600203a4020010db800020000000000000000000120010db8000900000000000000000009"
        + "8000ba6a43210007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // raw ICMPv6: type 3 code 0 (hop limit exceeded) quoting our hop limit 1 request to 2001:db8:7::7
    public const string RawV6HopLimitExceeded = "0300adaa00000000" + "6001588d00203a0120010db800020000000000000000000120010db8000700000000000000000007"
        + "8000ba6e43210007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // datagram ping socket (IPv4): no IP header, identifier rewritten by the kernel to the socket's (14fb)
    public const string DatagramV4EchoReply = "0000c47214fb0007436f6e7461696e65724e657420666978747572652e2e2e2e";
    // datagram ping socket (IPv6): identifier 14fc
    public const string DatagramV6EchoReply = "8100e6a114fc0007436f6e7461696e65724e657420666978747572652e2e2e2e";
}
