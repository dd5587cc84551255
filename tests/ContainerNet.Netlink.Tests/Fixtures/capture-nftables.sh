#!/bin/bash
# Re-captures the reference bytes behind the nf_tables golden-byte tests (tests/.../Netfilter/GoldenBytes)
# and the nf_tables kernel-reply fixtures (Fixtures/nft-*.hex).
#
#   sudo tests/ContainerNet.Netlink.Tests/Fixtures/capture-nftables.sh [OUTDIR]
#
# Same sandbox and output format as capture.sh: nft (nftables 1.0.6) under strace, one `nft -f` per
# step, inside a new network namespace (its own, empty nftables ruleset) and a private mount namespace.
# The machine's own ruleset is never read or changed. A second pass (Python on a raw NETLINK_NETFILTER
# socket with our NetlinkSocket's options: NETLINK_EXT_ACK and NETLINK_CAP_ACK) sends our own dump
# requests and batches and records the kernel's replies.
# Output: OUTDIR/<step>.nft (the command), OUTDIR/<step>.log (strace with hex dumps of every netlink
# send/receive; strace -o prefixes each line with the pid), OUTDIR/<step>.debug (nft --debug=netlink: the
# expressions as libnftnl prints them), OUTDIR/<step>.hex (one line per syscall: "<call> <fd> <length>
# <hex>"), OUTDIR/own_nft.hex (the Python pass's requests and replies, same format) and
# OUTDIR/ruleset-*.txt (`nft -a list ruleset` at points of the run).
# nft numbers the messages of each batch from 0 (BATCH_BEGIN) and sends its GET requests with sequence 0;
# table, chain, set and rule handles are deterministic in a fresh namespace; pids, generation ids and a
# kernel pointer in the set dump (attribute 19) are not.
# Then: `nft-literals.py OUTDIR/<step>.hex` prints a step's messages as the annotated hex literals of the
# golden-byte tests; `nft-fixtures.py OUTDIR` writes the Fixtures/nft-*.hex files from own_nft.hex.
set -u
OUT=${1:-/tmp/cn-nft-capture}

if [ "${CN_CAPTURE_SANDBOX:-}" != "1" ]; then
    mkdir -p "$OUT"
    exec env CN_CAPTURE_SANDBOX=1 unshare --net --mount --propagation private "$0" "$OUT"
fi

# Refuse to run anywhere but a fresh network namespace (only lo, lo down, and no nftables table).
if [ "$(ip -o link show | awk -F': ' '{print $2}')" != "lo" ] || ip -o link show lo | grep -q '[<,]UP[,>]' \
    || [ -n "$(nft list tables)" ]; then
    echo "capture-nftables.sh: not in a fresh network namespace; refusing to touch this one." >&2
    exit 1
fi

. "$(dirname "$0")/capture-lib.sh"   # EXTRACT (this script defines its own T for nft -f)

# T step 'nft command(s)': runs them as one `nft -f` (one batch) under strace.
T() {
    local step=$1; shift
    printf '%s\n' "$*" > "$OUT/$step.nft"
    strace -o "$OUT/$step.log" -f -e trace=sendmsg,sendto,recvmsg -e write=all -e read=all -xx -s 65536 \
        nft --debug=netlink -f "$OUT/$step.nft" > "$OUT/$step.debug" 2>&1
    echo "exit=$?" >> "$OUT/$step.debug"
    { echo "# nft -f: $*"; python3 -c "$EXTRACT" "$OUT/$step.log"; } > "$OUT/$step.hex"
}

T add_table             'add table inet containernet'
T add_chain_prerouting  'add chain inet containernet prerouting { type nat hook prerouting priority dstnat; }'
T add_chain_postrouting 'add chain inet containernet postrouting { type nat hook postrouting priority srcnat; }'
T add_chain_forward     'add chain inet containernet forward { type filter hook forward priority filter; policy accept; }'
T add_chain_regular     'add chain inet containernet net-default'
T add_set_hosts         'add set inet containernet hosts { type ipv4_addr; }'
T add_set_subnets       'add set inet containernet subnets { type ipv4_addr; flags interval; }'
T add_map_ports         'add map inet containernet ports { type inet_proto . inet_service : ipv4_addr . inet_service; }'
T add_map_bridges       'add map inet containernet bridges { type ifname : verdict; }'
T add_set_ranges        'add set inet containernet ranges { type ipv4_addr . inet_service; flags interval; }'
T add_elem_hosts        'add element inet containernet hosts { 10.88.0.2, 10.88.0.3 }'
T add_elem_subnets      'add element inet containernet subnets { 10.88.0.0/16, 10.90.0.0/16 }'
T add_elem_ports        'add element inet containernet ports { tcp . 8080 : 10.88.0.2 . 80, udp . 5353 : 10.88.0.3 . 53 }'
T add_elem_bridges      'add element inet containernet bridges { "cn0" : jump net-default }'
T add_elem_ranges       'add element inet containernet ranges { 10.88.0.0/16 . 8000-8100 }'
T add_rule_masq         'add rule inet containernet postrouting ip saddr 10.88.0.0/16 oifname != "cn0" masquerade comment "net:default"'
T add_rule_dnat_map     'add rule inet containernet prerouting fib daddr type local dnat ip addr . port to meta l4proto . th dport map @ports'
T add_rule_ct           'add rule inet containernet forward ct state established,related accept'
T add_rule_vmap         'add rule inet containernet forward iifname vmap @bridges'
T add_rule_lookup       'add rule inet containernet forward ip saddr @hosts counter drop'
T add_rule_jump         'add rule inet containernet forward oifname "cn0" jump net-default'
T add_rule_prefix       'add rule inet containernet net-default ip daddr 172.16.0.0/12 drop'
T add_rule_masq_flags   'add rule inet containernet postrouting ip saddr 10.90.0.0/16 masquerade fully-random'
T add_rule_dnat_fixed   'add rule inet containernet prerouting ip daddr 203.0.113.2 tcp dport 8080 dnat ip to 10.88.0.2:80'
CT_HANDLE=$(nft -a list chain inet containernet forward | awk '/ct state/ { print $NF }')
T add_rule_position     "add rule inet containernet forward position $CT_HANDLE meta l4proto icmp accept"
T add_rule_insert       'insert rule inet containernet forward ct state invalid drop'
T add_rule_range        'add rule inet containernet forward tcp dport 8000-8100 accept'
T add_rule_range_neq    'add rule inet containernet forward tcp dport != 8000-8100 drop'
T add_rule_lookup_inv   'add rule inet containernet forward ip saddr != @hosts counter'
T add_rule_ct_original  'add rule inet containernet forward ct original ip daddr 10.88.0.2 accept'
T add_rule_meta_set     'add rule inet containernet forward meta mark set 0x2a'
T add_rule_snat         'add rule inet containernet postrouting oifname "eth0" snat ip to 203.0.113.2'
T add_rule_masq_ports   'add rule inet containernet postrouting ip saddr 10.91.0.0/16 meta l4proto tcp masquerade to :1024-65535'
T add_rule_redir        'add rule inet containernet prerouting udp dport 53 redirect to :5353'
T add_chain_raw         'add chain inet containernet raw { type filter hook prerouting priority raw; }'
T add_rule_notrack      'add rule inet containernet raw udp dport 4789 notrack'
T add_chain_input       'add chain inet containernet input { type filter hook input priority filter; policy accept; comment "host"; }'
T add_table_comment     'add table inet cn-commented { comment "owned by containernet"; }'
T add_chain_comment     'add chain inet containernet net-web { comment "net:web"; }'
T add_set_comment       'add set inet containernet hosts6 { type ipv6_addr; comment "v6 hosts"; }'
T add_elem_comment      'add element inet containernet hosts { 10.88.0.4 comment "web" }'
T create_elem           'create element inet containernet hosts { 10.88.0.5 }'
nft -a list ruleset > "$OUT/ruleset-loaded.txt"

# Our own requests, built here from the layouts in /usr/include/linux/{netlink.h,netfilter/nfnetlink.h,
# netfilter/nf_tables.h} exactly as ContainerNet.Netlink.Netfilter encodes them, on a socket with our
# NetlinkSocket's options (NETLINK_EXT_ACK and NETLINK_CAP_ACK). Sequence numbers 1.. as a fresh
# NetlinkConnection uses. Dumps: GetTableRequest/GetChainRequest.Dump() (every family), GetSetRequest and
# GetRuleRequest filtered to inet containernet, GetSetElementsRequest per set. Batches: BATCH_BEGIN, each
# message with NLM_F_ACK, BATCH_END in one send, then GetGenerationRequest (NLM_F_ACK) as the barrier in
# a second send; the batch is done when the barrier's ack arrives. `nft list ruleset` before and after
# each refused batch shows that nothing changed.
python3 - "$OUT" <<'PY'
import socket, struct, subprocess, sys
out = sys.argv[1]
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)   # NETLINK_NETFILTER
s.setsockopt(270, 11, 1)   # NETLINK_EXT_ACK
s.setsockopt(270, 10, 1)   # NETLINK_CAP_ACK
s.bind((0, 0))
NFT = 10 << 8              # NFNL_SUBSYS_NFTABLES << 8
REQUEST, ACK, EXCL, CREATE, APPEND, DUMP = 0x1, 0x4, 0x200, 0x400, 0x800, 0x300
def nla(t, v):
    l = 4 + len(v)
    return struct.pack("<HH", l, t) + v + b"\0" * (-l % 4)
def nest(t, *children): return nla(t | 0x8000, b"".join(children))   # NLA_F_NESTED, as nft sets it
def strz(v): return v.encode() + b"\0"
def be32(v): return struct.pack(">I", v & 0xffffffff)
def nfgen(family, res_id=0): return struct.pack("<BB", family, 0) + struct.pack(">H", res_id)
def msg(type, flags, seq, body): return struct.pack("<IHHII", 16 + len(body), type, flags, seq, 0) + body
def value(b): return nla(1, b)                                          # NFTA_DATA_VALUE
def element(i, key, data=None):
    parts = [nest(1, value(key))]                                       # NFTA_SET_ELEM_KEY
    if data is not None: parts.append(nest(2, value(data)))             # NFTA_SET_ELEM_DATA
    return nest(i, *parts)                                              # nests numbered 1.., as libnftnl does
def newsetelem(seq, flags, set, elements):
    return msg(NFT | 12, REQUEST | ACK | flags, seq, nfgen(1) + nla(1, strz("containernet")) + nla(2, strz(set))
               + nest(3, *[element(i + 1, *e) for i, e in enumerate(elements)]))
def expr(name, *attrs): return nest(1, nla(1, strz(name)), nest(2, *attrs))
def newrule(seq, chain, *exprs):
    return msg(NFT | 6, REQUEST | ACK | CREATE | APPEND, seq, nfgen(1) + nla(1, strz("containernet"))
               + nla(2, strz(chain)) + nest(4, *exprs))
def begin(seq, genid=None): return msg(0x10, REQUEST, seq, nfgen(0, 10) + (nla(1, be32(genid)) if genid is not None else b""))
def end(seq): return msg(0x11, REQUEST, seq, nfgen(0, 10))
def getgen(seq): return msg(NFT | 16, REQUEST | ACK, seq, nfgen(0))
def proto_port(proto, port): return bytes([proto, 0, 0, 0]) + struct.pack(">H", port) + b"\0\0"
def addr_port(addr, port): return bytes(addr) + struct.pack(">H", port) + b"\0\0"
def ruleset(): return subprocess.run(["nft", "list", "ruleset"], capture_output=True, text=True).stdout

f = open(f"{out}/own_nft.hex", "w")
f.write("# python, raw NETLINK_NETFILTER socket with NETLINK_EXT_ACK and NETLINK_CAP_ACK\n")
def receive_until(done):
    while True:
        reply = s.recv(1 << 20)
        f.write(f"recvmsg - {len(reply)} {reply.hex()}\n")
        off = 0
        while off + 16 <= len(reply):
            l, t, fl, sq = struct.unpack_from("<IHHI", reply, off)
            if done(t, sq):
                return
            off += (l + 3) & ~3
def query(title, m):
    f.write(f"# {title}\n")
    s.send(m)
    f.write(f"sendmsg - {len(m)} {m.hex()}\n")
    seq = struct.unpack_from("<I", m, 8)[0]
    receive_until(lambda t, sq: sq == seq and t in (2, 3))   # NLMSG_ERROR (ack or error) or NLMSG_DONE
def batch(title, messages, barrier_seq):
    before = ruleset()
    f.write(f"# {title}\n")
    datagram = b"".join(messages)
    s.send(datagram)
    f.write(f"sendmsg - {len(datagram)} {datagram.hex()}\n")
    barrier = getgen(barrier_seq)
    s.send(barrier)
    f.write(f"sendmsg - {len(barrier)} {barrier.hex()}\n")
    receive_until(lambda t, sq: sq == barrier_seq and t == 2)
    f.write(f"# ruleset {'unchanged' if ruleset() == before else 'CHANGED'}\n")

query("GETGEN (GetGenerationRequest, NLM_F_ACK)", getgen(1))
query("GETTABLE NLM_F_DUMP, NFPROTO_UNSPEC (GetTableRequest.Dump())", msg(NFT | 1, REQUEST | DUMP, 2, nfgen(0)))
query("GETCHAIN NLM_F_DUMP, NFPROTO_UNSPEC (GetChainRequest.Dump())", msg(NFT | 4, REQUEST | DUMP, 3, nfgen(0)))
query("GETSET NLM_F_DUMP, NFPROTO_INET, NFTA_SET_TABLE containernet (GetSetRequest.Dump(Inet, \"containernet\"))",
      msg(NFT | 10, REQUEST | DUMP, 4, nfgen(1) + nla(1, strz("containernet"))))
seq = 5
for set in ["hosts", "subnets", "ports", "bridges", "ranges"]:
    query(f"GETSETELEM NLM_F_DUMP, NFPROTO_INET, NFTA_SET_ELEM_LIST_SET {set}, TABLE containernet (GetSetElementsRequest.Dump)",
          msg(NFT | 13, REQUEST | DUMP, seq, nfgen(1) + nla(2, strz(set)) + nla(1, strz("containernet"))))
    seq += 1
query("GETRULE NLM_F_DUMP, NFPROTO_INET, NFTA_RULE_TABLE containernet (GetRuleRequest.Dump(Inet, \"containernet\"))",
      msg(NFT | 7, REQUEST | DUMP, seq, nfgen(1) + nla(1, strz("containernet"))))
seq += 1

# seq 11..16: the third message (index 2) repeats tcp . 8080 with other data, second of its three elements.
batch("batch: [0] add 10.88.0.7 to hosts, [1] add tcp . 9090 to ports, [2] create (NLM_F_EXCL) tcp . 9091, tcp . 8080 (exists), tcp . 9092 in ports", [
    begin(11),
    newsetelem(12, CREATE, "hosts", [(bytes([10, 88, 0, 7]),)]),
    newsetelem(13, CREATE, "ports", [(proto_port(6, 9090), addr_port([10, 88, 0, 2], 90))]),
    newsetelem(14, CREATE | EXCL, "ports", [(proto_port(6, 9091), addr_port([10, 88, 0, 2], 91)),
                                             (proto_port(6, 8080), addr_port([10, 88, 0, 9], 80)),
                                             (proto_port(6, 9092), addr_port([10, 88, 0, 2], 92))]),
    end(15)], 16)
# seq 17..21: a rule that looks up a set that does not exist.
batch("batch: [0] add 10.88.0.8 to hosts, [1] rule in forward: meta iifname @nosuchset accept, [2] add 10.88.0.9 to hosts", [
    begin(17),
    newsetelem(18, CREATE, "hosts", [(bytes([10, 88, 0, 8]),)]),
    newrule(19, "forward",
            expr("meta", nla(2, be32(6)), nla(1, be32(1))),                               # KEY iifname, DREG 1
            expr("lookup", nla(2, be32(1)), nla(1, strz("nosuchset"))),                    # SREG 1, SET
            expr("immediate", nla(1, be32(0)), nest(2, nest(2, nla(1, be32(1)))))),        # DREG verdict, accept
    newsetelem(20, CREATE, "hosts", [(bytes([10, 88, 0, 9]),)]),
    end(21)], 22)
# seq 23..25: refused before any message is looked at: a generation id that is not the current one.
batch("batch: BATCH_BEGIN with NFNL_BATCH_GENID 1 (stale), [0] add 10.88.0.10 to hosts", [
    begin(23, genid=1),
    newsetelem(24, CREATE, "hosts", [(bytes([10, 88, 0, 10]),)]),
    end(25)], 26)
# seq 27..30: accepted.
batch("batch: [0] add 10.88.0.11 to hosts, [1] add udp . 6000 to ports", [
    begin(27),
    newsetelem(28, CREATE, "hosts", [(bytes([10, 88, 0, 11]),)]),
    newsetelem(29, CREATE, "ports", [(proto_port(17, 6000), addr_port([10, 88, 0, 3], 6000))]),
    end(30)], 31)
f.close()
PY
nft -a list ruleset > "$OUT/ruleset-after-python.txt"

RULE_HANDLE=$(nft -a list chain inet containernet forward | awk '/saddr @hosts/ { print $NF }')
INV_HANDLE=$(nft -a list chain inet containernet forward | awk '/saddr != @hosts/ { print $NF }')
T del_rule              "delete rule inet containernet forward handle $RULE_HANDLE"
T del_rule_inv          "delete rule inet containernet forward handle $INV_HANDLE"
T del_set               'delete set inet containernet hosts'
T del_elem_ports        'delete element inet containernet ports { tcp . 8080 }'
T add_chain_scratch     'add chain inet containernet scratch'
T del_chain             'delete chain inet containernet scratch'
T list_ruleset          'list ruleset'
T del_table             'delete table inet containernet'
nft -a list ruleset > "$OUT/ruleset-end.txt"
echo "captured into $OUT"
