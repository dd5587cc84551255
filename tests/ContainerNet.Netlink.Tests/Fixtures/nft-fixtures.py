#!/usr/bin/env python3
"""Writes the nf_tables kernel-reply fixtures (Fixtures/nft-*.hex, beside this script) from the Python pass
of capture-nftables.sh: one fixture per query or batch of OUTDIR/own_nft.hex, holding every datagram the
kernel sent for it, back to back, under a header that says what was asked and what came back.

    nft-fixtures.py [OUTDIR]      (default /tmp/cn-nft-capture)

Ids that change from run to run (generation, pids, handles of later objects) are asserted by the tests;
after a re-capture, check them there.
"""
import os, sys, textwrap
OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/cn-nft-capture'
HERE = os.path.dirname(os.path.abspath(__file__))
lines = open(os.path.join(OUT, 'own_nft.hex')).read().splitlines()
sections = []; cur = None
for l in lines[1:]:
    if l.startswith('# ruleset'):
        cur['ruleset'] = l[2:]; continue
    if l.startswith('#'):
        cur = {'title': l[2:], 'send': [], 'recv': []}; sections.append(cur); continue
    call, fd, n, h = l.split()
    (cur['send'] if call == 'sendmsg' else cur['recv']).append(bytes.fromhex(h))
common = ("# On a raw NETLINK_NETFILTER socket with NETLINK_EXT_ACK and NETLINK_CAP_ACK (our NetlinkSocket's options),\n"
          "# kernel 6.18, nftables 1.0.6 having loaded the ruleset of Fixtures/capture-nftables.sh (its step files\n"
          "# <step>.nft; `nft -a list ruleset` of that moment is ruleset-loaded.txt). Captured by capture-nftables.sh\n"
          "# (python step, sequence numbers as a fresh NetlinkConnection numbers them).\n")
def write(name, index, what):
    s = sections[index]
    data = b"".join(s['recv'])
    sizes = " + ".join(str(len(d)) for d in s['recv'])
    head = "# " + "\n# ".join(textwrap.wrap(what, 104)) + "\n"
    head += f"# Request: {s['title']}.\n" + common
    if 'ruleset' in s: head += f"# `nft list ruleset` before and after the batch: {s['ruleset']}.\n"
    head += f"# {len(s['recv'])} datagram{'s' if len(s['recv'])>1 else ''} received ({sizes} bytes), one after the other:\n# {len(data)} bytes\n"
    body = "\n".join(data[i:i+32].hex() for i in range(0, len(data), 32))
    open(os.path.join(HERE, name), 'w').write(head + body + "\n")
    print(name, len(data), sizes)
titles = [s['title'] for s in sections]
idx = lambda prefix: [i for i,t in enumerate(titles) if t.startswith(prefix)]
write("nft-gen.hex", idx("GETGEN")[0], "Kernel reply to GetGenerationRequest (NFT_MSG_GETGEN with NLM_F_ACK, sequence 1): NFT_MSG_NEWGEN (NFTA_GEN_ID, NFTA_GEN_PROC_PID, NFTA_GEN_PROC_NAME of the asking process, the capture's python3), then the ack.")
write("nft-table-dump.hex", idx("GETTABLE")[0], "Kernel reply to GetTableRequest.Dump() (sequence 2): NFT_MSG_NEWTABLE with NLM_F_MULTI for inet containernet (handle 1, NFTA_TABLE_USE 13: its 7 chains and 6 sets) and inet cn-commented (handle 2, comment \"owned by containernet\" in NFTA_TABLE_USERDATA), then NLMSG_DONE.")
write("nft-chain-dump.hex", idx("GETCHAIN")[0], "Kernel reply to GetChainRequest.Dump() (sequence 3): one NFT_MSG_NEWCHAIN per chain of the loaded ruleset (base chains prerouting, postrouting, forward, raw, input with hook, type, policy, NFT_CHAIN_BASE; regular chains net-default and net-web, the latter with a comment), then NLMSG_DONE.")
write("nft-set-dump.hex", idx("GETSET")[0], "Kernel reply to GetSetRequest.Dump(Inet, \"containernet\") (sequence 4): NFT_MSG_NEWSET for hosts, subnets (interval), ports (concatenated map), bridges (verdict map), ranges (concatenated interval set with NFTA_SET_DESC_CONCAT) and hosts6 (comment), each with nft's userdata, then NLMSG_DONE. Kernel 6.18 adds attributes 19 and 20 (newer than the 6.1 headers), which decoders skip.")
for i, name in zip(idx("GETSETELEM"), ["hosts","subnets","ports","bridges","ranges"]):
    write(f"nft-setelem-dump-{name}.hex", i, f"Kernel reply to GetSetElementsRequest.Dump(Inet, \"containernet\", \"{name}\") (sequence {sections[i]['send'][0][8]}): NFT_MSG_NEWSETELEM with the set's elements, a second NFT_MSG_NEWSETELEM with an empty element list (the kernel ends every element dump so), then NLMSG_DONE.")
write("nft-rule-dump.hex", idx("GETRULE")[0], "Kernel reply to GetRuleRequest.Dump(Inet, \"containernet\") (sequence 10): one NFT_MSG_NEWRULE per rule of table inet containernet in chain order (prerouting, postrouting, forward, net-default, raw), each with NFTA_RULE_HANDLE, NFTA_RULE_POSITION (the previous rule's handle) and the expressions as the kernel reports them (lookup with NFTA_LOOKUP_FLAGS, nat with ADDR_MAX/PROTO_MAX/FLAGS filled in, counters with their values), then NLMSG_DONE.")
b = idx("batch")
write("nft-batch-eexist.hex", b[0], "Kernel replies to a batch (BATCH_BEGIN 11, NEWSETELEM 12, 13, 14 each with NLM_F_ACK, BATCH_END 15) followed by the barrier GETGEN 16: acks for 12 and 13, then for 14 (NLM_F_EXCL, its second element tcp . 8080 already exists) EEXIST with NLMSGERR_ATTR_OFFS 92, the offset of that element's nest; then NEWGEN and the barrier's ack. The batch was aborted.")
write("nft-batch-enoent.hex", b[1], "Kernel replies to a batch (BATCH_BEGIN 17, NEWSETELEM 18, NEWRULE 19 with a lookup of the missing set nosuchset, NEWSETELEM 20, BATCH_END 21) followed by the barrier GETGEN 22: ack for 18, ENOENT for 19 with NLMSGERR_ATTR_OFFS 92 (the lookup, the rule's second expression), ack for 20 (the kernel runs every message before it aborts), NEWGEN, the barrier's ack.")
write("nft-batch-erestart.hex", b[2], "Kernel replies to a batch whose BATCH_BEGIN (23) carries NFNL_BATCH_GENID 1, not the current generation, followed by the barrier GETGEN 26: ERESTART for BATCH_BEGIN and nothing for its message 24 (refused before any message is looked at), NEWGEN, the barrier's ack.")
write("nft-batch-ok.hex", b[3], "Kernel replies to an accepted batch (BATCH_BEGIN 27, NEWSETELEM 28 and 29 with NLM_F_ACK, BATCH_END 30) followed by the barrier GETGEN 31: acks for 28 and 29, NEWGEN (the generation after the commit), the barrier's ack.")
