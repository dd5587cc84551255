# Shared by capture.sh, capture-routes.sh and capture-nftables.sh (sourced, not run).
#
# EXTRACT: a Python filter that turns an strace log (-e write=all -e read=all -xx) into one line per
# netlink syscall: "<call> <fd> <length> <hex>". Lines may carry a "[pid N] " or "N " prefix (-f).
EXTRACT='
import re, sys
calls, cur = [], None
for line in open(sys.argv[1]):
    m = re.match(r"^(?:\[pid\s+\d+\] |\d+\s+)?(sendto|sendmsg|recvmsg)\((\d+),", line)
    if m:
        cur = [m.group(1), m.group(2), bytearray()]
        calls.append(cur)
    elif line.startswith(" | ") and cur is not None:
        cur[2] += bytes.fromhex(line[10:59].replace(" ", ""))
for call, fd, data in calls:
    if data:
        print(call, fd, len(data), data.hex())
'

# T STEP COMMAND...: runs COMMAND under strace into $OUT/STEP.log and extracts $OUT/STEP.hex.
T() {
    local step=$1; shift
    echo "### $*" > "$OUT/$step.log"
    strace -f -e trace=sendmsg,sendto,recvmsg -e write=all -e read=all -xx -s 65536 "$@" >> "$OUT/$step.log" 2>&1
    echo "exit=$?" >> "$OUT/$step.log"
    { echo "# $*"; python3 -c "$EXTRACT" "$OUT/$step.log"; } > "$OUT/$step.hex"
}
