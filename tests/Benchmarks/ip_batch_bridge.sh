#!/usr/bin/env bash
# The "ip -batch" peer of the bridge-topology benchmark (../shared/PEERS.md's baseline): one batch for
# the host, then one `ip -n cI -batch` per namespace for the steps inside it.
#
# usage: ip_batch_bridge.sh N setup|teardown|teardown-netns
#
# setup: host batch: bridge cn0 with 10.88.0.1/16, up; per container i: namespace cI and veth vcI (up,
# port of cn0, in the create request) with its peer created directly inside cI as eth0. Then per
# namespace: lo and eth0 up, 10.88.X.Y/16 on eth0 (i + 1 mapped into the /16), default route via
# 10.88.0.1. Forwarding on through /proc (a shell builtin, no process).
# teardown: one host batch deleting veth by veth (`link del vcI`: one request, and one RCU grace
# period, per device), then the namespaces, then the bridge.
# teardown-netns: one host batch deleting the namespaces (the kernel unregisters their devices
# together), then the bridge.
# Batches go to ip on stdin through here-strings (bash 5.1+ sends small ones through a pipe, no fork).
set -euo pipefail

n=${1:?usage: ip_batch_bridge.sh N setup|teardown|teardown-netns}
action=${2:?usage: ip_batch_bridge.sh N setup|teardown|teardown-netns}
nl=$'\n'

case $action in
setup)
    echo 1 > /proc/sys/net/ipv4/ip_forward
    batch="link add cn0 type bridge${nl}addr add 10.88.0.1/16 dev cn0${nl}link set cn0 up${nl}"
    for ((i = 1; i <= n; i++)); do
        batch+="netns add c$i${nl}link add vc$i up master cn0 type veth peer name eth0 netns c$i${nl}"
    done
    ip -batch - <<< "$batch"
    for ((i = 1; i <= n; i++)); do
        h=$((i + 1))
        ip -n "c$i" -batch - <<< "link set lo up${nl}link set eth0 up${nl}addr add 10.88.$((h >> 8)).$((h & 255))/16 dev eth0${nl}route add default via 10.88.0.1"
    done
    ;;
teardown)
    batch=""
    for ((i = 1; i <= n; i++)); do batch+="link del vc$i${nl}"; done
    for ((i = 1; i <= n; i++)); do batch+="netns del c$i${nl}"; done
    ip -batch - <<< "${batch}link del cn0"
    ;;
teardown-netns)
    batch=""
    for ((i = 1; i <= n; i++)); do batch+="netns del c$i${nl}"; done
    ip -batch - <<< "${batch}link del cn0"
    ;;
*)
    echo "usage: ip_batch_bridge.sh N setup|teardown|teardown-netns" >&2
    exit 2
    ;;
esac
