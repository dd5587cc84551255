#!/bin/bash
# Re-captures the reference bytes behind the golden-byte tests and the kernel-reply fixtures.
#
#   sudo tests/ContainerNet.Netlink.Tests/Fixtures/capture.sh [OUTDIR]
#
# Runs iproute2 under strace (and, for the replies our own socket options produce, a few lines of
# Python on a raw netlink socket) inside a throwaway sandbox: a new network namespace and a private
# mount namespace with a tmpfs on /run/netns. Nothing outside the sandbox is changed.
# Output: OUTDIR/<step>.log (strace with hex dumps of every netlink send/receive),
# OUTDIR/<step>.hex (one line per syscall: "<call> <fd> <length> <hex>") and OUTDIR/own_socket.hex
# (the Python step's requests and replies, same format).
# The golden-byte tests quote the sendmsg lines; the .hex fixtures beside this script are recvmsg
# lines, each naming its step and fd in its header. Sequence numbers (iproute2 seeds them with
# time(NULL)), port ids and MAC addresses of unnamed ends differ from run to run.
# Addresses, routes and bridge port options have their own sandbox: capture-routes.sh beside this.
set -u
OUT=${1:-/tmp/cn-netlink-capture}

if [ "${CN_CAPTURE_SANDBOX:-}" != "1" ]; then
    mkdir -p "$OUT"
    exec env CN_CAPTURE_SANDBOX=1 unshare --net --mount --propagation private "$0" "$OUT"
fi

# Refuse to run anywhere but a fresh network namespace (only lo, and lo down).
# (/sys/class/net would show the sysfs of the host, so ask netlink.)
if [ "$(ip -o link show | awk -F': ' '{print $2}')" != "lo" ]; then
    echo "capture.sh: not in a fresh network namespace; refusing to touch this one." >&2
    exit 1
fi

mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns || exit 1
ip link set lo up
ip netns add web

. "$(dirname "$0")/capture-lib.sh"   # EXTRACT and T

T new_bridge      ip link add cn0 type bridge
T new_veth_netns  ip link add vweb type veth peer name eth0 netns web
T new_veth_opts   ip link add vfull address 02:00:00:00:00:01 mtu 1400 up type veth peer address 02:00:00:00:00:02 mtu 1400 netns web name eth1
T new_veth_peerup ip link add vup type veth peer name eth2 netns web up
T new_veth_group  ip link add vg mtu 1400 group 7 master cn0 type veth peer name vgp
T new_veth_queues ip link add vq numtxqueues 1 numrxqueues 1 type veth peer numtxqueues 1 numrxqueues 1 netns web name eth3
T set_up          ip link set vweb up
T set_down        ip link set vweb down
T set_mtu         ip link set vweb mtu 1400
T set_address     ip link set vweb address 02:42:ac:11:00:02
T set_master      ip link set vweb master cn0

ip link set cn0 up
ip link set vweb up
ip -n web link set eth0 up
sleep 1

T show_dev        ip link show dev vweb
T show_d_bridge   ip -d link show dev cn0
T show_d_dump     ip -d link show
T show_addr       ip addr show
T set_mtu_invalid ip link set vweb mtu 10
T show_missing    ip link show dev nonexistent

# Requests that iproute2 never sends in this exact form (built here from the layouts in
# /usr/include/linux/{netlink,rtnetlink,if_link}.h) and the replies our NetlinkSocket's options give:
# NETLINK_EXT_ACK and NETLINK_CAP_ACK both on. Sequence numbers 1.. as a fresh NetlinkConnection uses.
ip link add scratch type veth peer name scratchp
python3 - "$OUT" <<'PY'
import socket, struct, sys
out = sys.argv[1]
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.setsockopt(270, 11, 1)   # NETLINK_EXT_ACK
s.setsockopt(270, 10, 1)   # NETLINK_CAP_ACK
s.bind((0, 0))
vweb = socket.if_nametoindex("vweb")
def msg(type, flags, seq, index, attrs):
    body = struct.pack("<BBHiII", 0, 0, 0, index, 0, 0) + attrs
    return struct.pack("<IHHII", 16 + len(body), type, flags, seq, 0) + body
def u32(t, v): return struct.pack("<HHI", 8, t, v)
def string(t, v):
    b = v.encode() + b"\0"
    return struct.pack("<HH", 4 + len(b), t) + b + b"\0" * (-len(b) % 4)
steps = [
    ("RTM_NEWLINK index=vweb IFLA_MTU=10 (invalid)", msg(16, 0x05, 1, vweb, u32(4, 10))),
    ("RTM_NEWLINK index=vweb IFLA_MTU=1400", msg(16, 0x05, 2, vweb, u32(4, 1400))),
    ("RTM_GETLINK NLM_F_DUMP, AF_UNSPEC, IFLA_EXT_MASK=VF|SKIP_STATS", msg(18, 0x301, 3, 0, u32(29, 9))),
    ("RTM_DELLINK index 0, IFLA_IFNAME=scratch", msg(17, 0x05, 4, 0, string(3, "scratch"))),
]
with open(f"{out}/own_socket.hex", "w") as f:
    f.write("# python, raw NETLINK_ROUTE socket with NETLINK_EXT_ACK and NETLINK_CAP_ACK\n")
    for title, m in steps:
        f.write(f"# {title}\n")
        s.send(m)
        f.write(f"sendmsg - {len(m)} {m.hex()}\n")
        while True:
            reply = s.recv(65536)
            f.write(f"recvmsg - {len(reply)} {reply.hex()}\n")
            if not struct.unpack_from("<H", reply, 6)[0] & 0x2 or struct.unpack_from("<H", reply, 4)[0] == 3:
                break
            # a multi-part dump: keep reading until the datagram that carries NLMSG_DONE
            off, done = 0, False
            while off + 16 <= len(reply):
                l, t = struct.unpack_from("<IH", reply, off)
                done |= t == 3
                off += (l + 3) & ~3
            if done:
                break
PY

T set_name        ip link set vweb name x
T set_netns       ip link set x netns web
T del_group       ip link del group 7
T del_index       ip link del cn0
echo "captured into $OUT"
