#!/usr/bin/env python3
"""Prints the netlink messages of a capture-nftables.sh step file (OUTDIR/<step>.hex) as the C# hex
literals of the golden-byte tests: one attribute per line, nesting indented, field names from
linux/netfilter/nf_tables.h in the comments.

    nft-literals.py OUTDIR/add_rule_masq.hex [sendmsg|sendto|recvmsg]
"""
import struct, sys
MSG = {0x10:"NFNL_MSG_BATCH_BEGIN",0x11:"NFNL_MSG_BATCH_END"}
OPS = ["NEWTABLE","GETTABLE","DELTABLE","NEWCHAIN","GETCHAIN","DELCHAIN","NEWRULE","GETRULE","DELRULE","NEWSET","GETSET","DELSET",
       "NEWSETELEM","GETSETELEM","DELSETELEM","NEWGEN","GETGEN","TRACE","NEWOBJ","GETOBJ","DELOBJ","GETOBJ_RESET",
       "NEWFLOWTABLE","GETFLOWTABLE","DELFLOWTABLE"]
for i,o in enumerate(OPS): MSG[0x0a00|i] = "NFT_MSG_"+o
FLAGS = [(0x1,"NLM_F_REQUEST"),(0x2,"NLM_F_MULTI"),(0x4,"NLM_F_ACK"),(0x8,"NLM_F_ECHO")]
NEWF = [(0x100,"NLM_F_REPLACE"),(0x200,"NLM_F_EXCL"),(0x400,"NLM_F_CREATE"),(0x800,"NLM_F_APPEND")]
GETF = [(0x300,"NLM_F_DUMP")]
FAM = {0:"NFPROTO_UNSPEC",1:"NFPROTO_INET",2:"NFPROTO_IPV4",7:"NFPROTO_BRIDGE",10:"NFPROTO_IPV6"}
def names(*n): return {i+1:x for i,x in enumerate(n)}
TABLE = names("NFTA_TABLE_NAME","NFTA_TABLE_FLAGS","NFTA_TABLE_USE","NFTA_TABLE_HANDLE","NFTA_TABLE_PAD","NFTA_TABLE_USERDATA")
CHAIN = names("NFTA_CHAIN_TABLE","NFTA_CHAIN_HANDLE","NFTA_CHAIN_NAME","NFTA_CHAIN_HOOK","NFTA_CHAIN_POLICY","NFTA_CHAIN_USE","NFTA_CHAIN_TYPE","NFTA_CHAIN_COUNTERS","NFTA_CHAIN_PAD","NFTA_CHAIN_FLAGS","NFTA_CHAIN_ID","NFTA_CHAIN_USERDATA")
HOOK = names("NFTA_HOOK_HOOKNUM","NFTA_HOOK_PRIORITY","NFTA_HOOK_DEV")
RULE = names("NFTA_RULE_TABLE","NFTA_RULE_CHAIN","NFTA_RULE_HANDLE","NFTA_RULE_EXPRESSIONS","NFTA_RULE_COMPAT","NFTA_RULE_POSITION","NFTA_RULE_USERDATA","NFTA_RULE_PAD","NFTA_RULE_ID")
SET = names("NFTA_SET_TABLE","NFTA_SET_NAME","NFTA_SET_FLAGS","NFTA_SET_KEY_TYPE","NFTA_SET_KEY_LEN","NFTA_SET_DATA_TYPE","NFTA_SET_DATA_LEN","NFTA_SET_POLICY","NFTA_SET_DESC","NFTA_SET_ID","NFTA_SET_TIMEOUT","NFTA_SET_GC_INTERVAL","NFTA_SET_USERDATA")
DESC = names("NFTA_SET_DESC_SIZE","NFTA_SET_DESC_CONCAT")
ELIST = names("NFTA_SET_ELEM_LIST_TABLE","NFTA_SET_ELEM_LIST_SET","NFTA_SET_ELEM_LIST_ELEMENTS","NFTA_SET_ELEM_LIST_SET_ID")
ELEM = names("NFTA_SET_ELEM_KEY","NFTA_SET_ELEM_DATA","NFTA_SET_ELEM_FLAGS","NFTA_SET_ELEM_TIMEOUT","NFTA_SET_ELEM_EXPIRATION","NFTA_SET_ELEM_USERDATA","NFTA_SET_ELEM_EXPR","NFTA_SET_ELEM_PAD","NFTA_SET_ELEM_OBJREF","NFTA_SET_ELEM_KEY_END")
DATA = names("NFTA_DATA_VALUE","NFTA_DATA_VERDICT")
VERD = names("NFTA_VERDICT_CODE","NFTA_VERDICT_CHAIN")
EXPR = names("NFTA_EXPR_NAME","NFTA_EXPR_DATA")
BATCH = names("NFNL_BATCH_GENID")
EX = {
 "meta": names("NFTA_META_DREG","NFTA_META_KEY","NFTA_META_SREG"),
 "payload": names("NFTA_PAYLOAD_DREG","NFTA_PAYLOAD_BASE","NFTA_PAYLOAD_OFFSET","NFTA_PAYLOAD_LEN"),
 "cmp": names("NFTA_CMP_SREG","NFTA_CMP_OP","NFTA_CMP_DATA"),
 "bitwise": names("NFTA_BITWISE_SREG","NFTA_BITWISE_DREG","NFTA_BITWISE_LEN","NFTA_BITWISE_MASK","NFTA_BITWISE_XOR","NFTA_BITWISE_OP"),
 "range": names("NFTA_RANGE_SREG","NFTA_RANGE_OP","NFTA_RANGE_FROM_DATA","NFTA_RANGE_TO_DATA"),
 "lookup": names("NFTA_LOOKUP_SET","NFTA_LOOKUP_SREG","NFTA_LOOKUP_DREG","NFTA_LOOKUP_SET_ID","NFTA_LOOKUP_FLAGS"),
 "immediate": names("NFTA_IMMEDIATE_DREG","NFTA_IMMEDIATE_DATA"),
 "ct": names("NFTA_CT_DREG","NFTA_CT_KEY","NFTA_CT_DIRECTION","NFTA_CT_SREG"),
 "nat": names("NFTA_NAT_TYPE","NFTA_NAT_FAMILY","NFTA_NAT_REG_ADDR_MIN","NFTA_NAT_REG_ADDR_MAX","NFTA_NAT_REG_PROTO_MIN","NFTA_NAT_REG_PROTO_MAX","NFTA_NAT_FLAGS"),
 "masq": names("NFTA_MASQ_FLAGS","NFTA_MASQ_REG_PROTO_MIN","NFTA_MASQ_REG_PROTO_MAX"),
 "redir": names("NFTA_REDIR_REG_PROTO_MIN","NFTA_REDIR_REG_PROTO_MAX","NFTA_REDIR_FLAGS"),
 "counter": names("NFTA_COUNTER_BYTES","NFTA_COUNTER_PACKETS"),
 "fib": names("NFTA_FIB_DREG","NFTA_FIB_RESULT","NFTA_FIB_FLAGS"),
}
REGS = {0:"NFT_REG_VERDICT",1:"NFT_REG_1",2:"NFT_REG_2",3:"NFT_REG_3",4:"NFT_REG_4"}
for i in range(16): REGS[8+i] = f"NFT_REG32_{i:02d}"
META = {3:"NFT_META_MARK",6:"NFT_META_IIFNAME",7:"NFT_META_OIFNAME",15:"NFT_META_NFPROTO",16:"NFT_META_L4PROTO"}
CT = {0:"NFT_CT_STATE",20:"NFT_CT_DST_IP"}
CMP = {0:"NFT_CMP_EQ",1:"NFT_CMP_NEQ",2:"NFT_CMP_LT",3:"NFT_CMP_LTE",4:"NFT_CMP_GT",5:"NFT_CMP_GTE"}
BASE = {0:"NFT_PAYLOAD_LL_HEADER",1:"NFT_PAYLOAD_NETWORK_HEADER",2:"NFT_PAYLOAD_TRANSPORT_HEADER"}
VERDICTS = {1:"NF_ACCEPT",0:"NF_DROP",-3:"NFT_JUMP",-4:"NFT_GOTO",-5:"NFT_RETURN"}
HOOKS = {0:"NF_INET_PRE_ROUTING",1:"NF_INET_LOCAL_IN",2:"NF_INET_FORWARD",3:"NF_INET_LOCAL_OUT",4:"NF_INET_POST_ROUTING"}
def be32(v): return struct.unpack(">I", v)[0]
def sbe32(v): return struct.unpack(">i", v)[0]
def describe_value(name, v, expr):
    if len(v) == 0: return ""
    if v[-1:] == b"\0" and len(v) > 1 and all(32 <= c < 127 for c in v[:-1]) and name not in ("NFTA_DATA_VALUE",) and "USERDATA" not in name:
        return f' = "{v[:-1].decode()}\\0"'
    if len(v) == 4 and name not in ("NFTA_DATA_VALUE",) and "USERDATA" not in name:
        n = be32(v); s = sbe32(v)
        extra = ""
        if "REG" in name: extra = f" ({REGS.get(n, n)})"
        elif name == "NFTA_META_KEY": extra = f" ({META.get(n, n)})"
        elif name == "NFTA_CT_KEY": extra = f" ({CT.get(n, n)})"
        elif name.endswith("_OP") and expr in ("cmp",): extra = f" ({CMP.get(n,n)})"
        elif name == "NFTA_PAYLOAD_BASE": extra = f" ({BASE.get(n,n)})"
        elif name == "NFTA_VERDICT_CODE": extra = f" ({VERDICTS.get(s,s)})"; return f" = {s}{extra}"
        elif name == "NFTA_HOOK_HOOKNUM": extra = f" ({HOOKS.get(n,n)})"
        elif name == "NFTA_HOOK_PRIORITY": return f" = {s}"
        elif name == "NFTA_NAT_TYPE": extra = f" ({ {0:'NFT_NAT_SNAT',1:'NFT_NAT_DNAT'}.get(n,n)})"
        elif name == "NFTA_NAT_FAMILY": extra = f" ({FAM.get(n,n)})"
        elif name == "NFTA_FIB_RESULT": extra = f" ({ {3:'NFT_FIB_RESULT_ADDRTYPE'}.get(n,n)})"
        elif name == "NFTA_CHAIN_POLICY": extra = f" ({ {1:'NF_ACCEPT',0:'NF_DROP'}.get(n,n)})"
        elif name == "NFTA_RANGE_OP": extra = f" ({ {0:'NFT_RANGE_EQ',1:'NFT_RANGE_NEQ'}.get(n,n)})"
        elif name == "NFTA_SET_FLAGS" or name.endswith("FLAGS"): return f" = 0x{n:x}"
        return f" = {n}{extra}"
    if len(v) == 8 and ("HANDLE" in name or "POSITION" in name or "COUNTER" in name): return f" = {struct.unpack('>Q', v)[0]}"
    if len(v) == 1: return f" = {v[0]}"
    if name == "NFTA_DATA_VALUE" or "USERDATA" in name: return f" = {v.hex()}"
    return ""
def children_names(name, names_map, expr):
    return {
        "NFTA_CHAIN_HOOK": (HOOK, None), "NFTA_SET_DESC": (DESC, None), "NFTA_SET_DESC_CONCAT": ({1:"NFTA_LIST_ELEM"}, "FIELDS"),
        "NFTA_SET_ELEM_LIST_ELEMENTS": ("ELEMS", None), "NFTA_SET_ELEM_KEY": (DATA, None), "NFTA_SET_ELEM_KEY_END": (DATA, None),
        "NFTA_SET_ELEM_DATA": (DATA, None), "NFTA_DATA_VERDICT": (VERD, None), "NFTA_RULE_EXPRESSIONS": ({1:"NFTA_LIST_ELEM"}, "LIST"),
        "NFTA_IMMEDIATE_DATA": (DATA, None), "NFTA_CMP_DATA": (DATA, None), "NFTA_BITWISE_MASK": (DATA, None), "NFTA_BITWISE_XOR": (DATA, None),
        "NFTA_RANGE_FROM_DATA": (DATA, None), "NFTA_RANGE_TO_DATA": (DATA, None),
    }.get(name)
def attrs(b, names_map, depth, out, expr=None, ctx=None):
    off = 0
    while off + 4 <= len(b):
        l, t = struct.unpack_from("<HH", b, off)
        v = b[off+4:off+l]; pad = (-l) % 4
        typ = t & 0x3fff; nested = bool(t & 0x8000)
        if names_map == "ELEMS": name = f"element {typ}"
        elif ctx in ("LIST", "FIELDS"): name = "NFTA_LIST_ELEM"
        else: name = names_map.get(typ, f"attr {typ}") if isinstance(names_map, dict) else f"attr {typ}"
        if name == "NFTA_LIST_ELEM" and ctx == "EXPR_LIST": pass
        hexs = f"{l:04x}"[2:]+f"{l:04x}"[:2] + " " + f"{t:04x}"[2:]+f"{t:04x}"[:2]
        is_nest = nested or name in ("NFTA_CHAIN_HOOK","NFTA_SET_DESC","NFTA_SET_DESC_CONCAT","NFTA_SET_ELEM_LIST_ELEMENTS","NFTA_RULE_EXPRESSIONS","NFTA_EXPR_DATA") or name.startswith("element") or (name=="NFTA_LIST_ELEM") or name in ("NFTA_SET_ELEM_KEY","NFTA_SET_ELEM_KEY_END","NFTA_SET_ELEM_DATA","NFTA_DATA_VERDICT","NFTA_IMMEDIATE_DATA","NFTA_CMP_DATA","NFTA_BITWISE_MASK","NFTA_BITWISE_XOR","NFTA_RANGE_FROM_DATA","NFTA_RANGE_TO_DATA")
        flag = " NLA_F_NESTED" if nested else ""
        if is_nest:
            out.append(("  "*depth + hexs, "  "*depth + f"{name} (nla_len {l}{','+flag if flag else ''})"))
            if name == "NFTA_LIST_ELEM" and (ctx == "LIST"):
                # an expression: find its name
                en = None; o2 = 0
                while o2 + 4 <= len(v):
                    l2, t2 = struct.unpack_from("<HH", v, o2)
                    if t2 & 0x3fff == 1: en = v[o2+4:o2+l2].rstrip(b"\0").decode()
                    o2 += (l2+3)&~3
                attrs(v, EXPR, depth+1, out, en, "EXPR")
            elif name == "NFTA_EXPR_DATA":
                attrs(v, EX.get(expr, {}), depth+1, out, expr)
            elif name.startswith("element"):
                attrs(v, ELEM, depth+1, out, expr)
            elif name == "NFTA_LIST_ELEM" and ctx == "FIELDS":
                attrs(v, {1: "NFTA_SET_FIELD_LEN"}, depth+1, out, expr)
            else:
                cm = children_names(name, names_map, expr)
                attrs(v, cm[0] if cm else {}, depth+1, out, expr, cm[1] if cm else None)
        else:
            vh = v.hex() + ("" if not pad else " " + "00"*pad)
            desc = describe_value(name, v, expr)
            if pad: desc += f", {pad} pad"
            out.append(("  "*depth + hexs + " " + vh, "  "*depth + f"{name} (nla_len {l}){desc}"))
        off += (l + 3) & ~3
def flagnames(t, f):
    op = t & 0xff
    parts = [n for b, n in FLAGS if f & b]
    if t >> 8 == 0x0a and OPS[op].startswith("GET") and f & 0x300 == 0x300: parts.append("NLM_F_DUMP")
    else: parts += [n for b, n in NEWF if f & b]
    return "|".join(parts) if parts else "0"
def annotate(m):
    l, t, f, s, p = struct.unpack_from("<IHHII", m, 0)
    out = []
    out.append((f"{m[0:4].hex()} {m[4:6].hex()} {m[6:8].hex()} {m[8:12].hex()} {m[12:16].hex()}", f"nlmsghdr: len {l}, {MSG.get(t, hex(t))}, {flagnames(t,f)}, seq {s}, pid {p}"))
    res = struct.unpack_from(">H", m, 18)[0]
    out.append((f"{m[16]:02x} {m[17]:02x} {m[18:20].hex()}", f"nfgenmsg: family {FAM.get(m[16], m[16])}, NFNETLINK_V0, res_id {res}"))
    op = t & 0xff
    top = {0:TABLE,2:TABLE,1:TABLE,3:CHAIN,5:CHAIN,4:CHAIN,6:RULE,8:RULE,7:RULE,9:SET,11:SET,10:SET,12:ELIST,14:ELIST,13:ELIST}.get(op, {}) if t >> 8 == 0x0a else BATCH
    attrs(m[20:l], top, 0, out)
    width = max(len(h) for h, _ in out) + 6
    lines = []
    for i, (h, c) in enumerate(out):
        stripped = h.lstrip(" "); indent = len(h) - len(stripped)
        lit = " " * indent + f'"{stripped}"' + (" +" if i < len(out) - 1 else ";")
        lines.append(f"        {lit.ljust(width)} // {c}")
    return "\n".join(lines)
def split(d):
    off = 0; r = []
    while off + 16 <= len(d):
        l = struct.unpack_from("<I", d, off)[0]; r.append(d[off:off+l]); off += (l + 3) & ~3
    return r
if __name__ == "__main__":
    path = sys.argv[1]; which = sys.argv[2] if len(sys.argv) > 2 else "sendmsg"
    for line in open(path):
        if line.startswith("#"): continue
        call, fd, n, h = line.split()
        if call != which: continue
        for m in split(bytes.fromhex(h)):
            print(annotate(m)); print()
