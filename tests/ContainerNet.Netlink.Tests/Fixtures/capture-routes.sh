#!/bin/bash
# Re-captures the reference bytes behind the address, route and bridge-port golden-byte tests and
# their kernel-reply fixtures (capture.sh's sibling for Route/Addresses, Route/Routes and the
# bridge_slave part of Route/Links).
#
#   sudo tests/ContainerNet.Netlink.Tests/Fixtures/capture-routes.sh [OUTDIR]
#
# Same sandbox and output format as capture.sh: iproute2 under strace (and, for the requests iproute2
# never sends in our exact form, a few lines of Python on a raw netlink socket with our NetlinkSocket's
# options) inside a new network namespace and a private mount namespace with a tmpfs on /run/netns.
# Nothing outside the sandbox is changed.
# Output: OUTDIR/<step>.log (strace with hex dumps of every netlink send/receive),
# OUTDIR/<step>.hex (one line per syscall: "<call> <fd> <length> <hex>") and OUTDIR/own_routes.hex
# (the Python step's requests and replies, same format).
# Sandbox topology: lo (1, up, 127.0.0.1/8, ::1/128), bridge cn0 (2, up), veth vweb (3, up) whose peer
# eth0 is index 2 in netns 'web' (up). vweb gets 10.88.0.2/16 and 2001:db8::2/64 (nodad), routes
# default via 10.88.0.1, 10.1.0.0/16 via 10.88.0.1 metric 100, 10.2.0.0/16 dev vweb (scope link) and
# ::/0 via 2001:db8::1; then it is enslaved to cn0 and made an isolated hairpin port without learning.
set -u
OUT=${1:-/tmp/cn-netlink-capture-routes}

if [ "${CN_CAPTURE_SANDBOX:-}" != "1" ]; then
    mkdir -p "$OUT"
    exec env CN_CAPTURE_SANDBOX=1 unshare --net --mount --propagation private "$0" "$OUT"
fi

# Refuse to run anywhere but a fresh network namespace (only lo, and lo down).
# (/sys/class/net would show the sysfs of the host, so ask netlink.)
if [ "$(ip -o link show | awk -F': ' '{print $2}')" != "lo" ] || ip -o link show lo | grep -q '[<,]UP[,>]'; then
    echo "capture-routes.sh: not in a fresh network namespace; refusing to touch this one." >&2
    exit 1
fi

mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns || exit 1
ip link set lo up
ip netns add web
ip link add cn0 type bridge
ip link add vweb type veth peer name eth0 netns web
ip link set cn0 up
ip link set vweb up
ip -n web link set eth0 up

. "$(dirname "$0")/capture-lib.sh"   # EXTRACT and T

T addr_add4        ip addr add 10.88.0.2/16 dev vweb
T addr_add6_nodad  ip addr add 2001:db8::2/64 dev vweb nodad
T route_default4   ip route add default via 10.88.0.1
T route_add_metric ip route add 10.1.0.0/16 via 10.88.0.1 dev vweb metric 100
T route_default6   ip -6 route add default via 2001:db8::1 dev vweb
T route_link4      ip route add 10.2.0.0/16 dev vweb
T route_link6      ip -6 route add 2001:db8:1::/64 dev vweb
sleep 2   # let vweb's fe80:: address finish DAD so the dumps are settled

T addr_show4       ip -4 addr show
T addr_show6       ip -6 addr show
T addr_show        ip addr show
T route_show4      ip route show
T route_show6      ip -6 route show

# Our dump requests as our socket sends them, built here from the layouts in
# /usr/include/linux/{netlink,rtnetlink,if_addr}.h, and the replies our NetlinkSocket's options give:
# NETLINK_EXT_ACK and NETLINK_CAP_ACK both on, no NETLINK_GET_STRICT_CHK (iproute2 turns it on, and its
# route dump adds RTA_TABLE = main, so the kernel filters; GetRouteRequest has no RTA_TABLE and gets every
# table). Sequence numbers 1.. as a fresh NetlinkConnection uses.
python3 - "$OUT" <<'PY'
import socket, struct, sys
out = sys.argv[1]
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.setsockopt(270, 11, 1)   # NETLINK_EXT_ACK
s.setsockopt(270, 10, 1)   # NETLINK_CAP_ACK
s.bind((0, 0))
def msg(type, flags, seq, body):
    return struct.pack("<IHHII", 16 + len(body), type, flags, seq, 0) + body
def ifaddrmsg(family): return struct.pack("<BBBBi", family, 0, 0, 0, 0)
def rtmsg(family): return struct.pack("<BBBBBBBBI", family, 0, 0, 0, 0, 0, 0, 0, 0)
steps = [
    ("RTM_GETADDR NLM_F_DUMP, ifaddrmsg AF_INET (GetAddressRequest { Family = AF_INET })", msg(22, 0x301, 1, ifaddrmsg(2))),
    ("RTM_GETADDR NLM_F_DUMP, ifaddrmsg AF_INET6 (GetAddressRequest { Family = AF_INET6 })", msg(22, 0x301, 2, ifaddrmsg(10))),
    ("RTM_GETROUTE NLM_F_DUMP, rtmsg AF_INET (GetRouteRequest { Family = AF_INET })", msg(26, 0x301, 3, rtmsg(2))),
    ("RTM_GETROUTE NLM_F_DUMP, rtmsg AF_INET6 (GetRouteRequest { Family = AF_INET6 })", msg(26, 0x301, 4, rtmsg(10))),
]
with open(f"{out}/own_routes.hex", "w") as f:
    f.write("# python, raw NETLINK_ROUTE socket with NETLINK_EXT_ACK and NETLINK_CAP_ACK\n")
    for title, m in steps:
        f.write(f"# {title}\n")
        s.send(m)
        f.write(f"sendmsg - {len(m)} {m.hex()}\n")
        while True:
            reply = s.recv(65536)
            f.write(f"recvmsg - {len(reply)} {reply.hex()}\n")
            # a dump: keep reading until the datagram that carries NLMSG_DONE (or an error)
            off, done = 0, False
            while off + 16 <= len(reply):
                l, t = struct.unpack_from("<IH", reply, off)
                done |= t in (2, 3)
                off += (l + 3) & ~3
            if done:
                break
PY

T route_del_metric ip route del 10.1.0.0/16 via 10.88.0.1 dev vweb metric 100
T set_master       ip link set vweb master cn0
T set_port_opts    ip link set vweb type bridge_slave isolated on hairpin on learning off
sleep 1
T show_d_port      ip -d link show dev vweb
T set_nomaster     ip link set vweb nomaster
T addr_del4        ip addr del 10.88.0.2/16 dev vweb
echo "captured into $OUT"
