#!/usr/bin/env bash
# The "one ip process per step" peer of the bridge-topology benchmark, as a shell script would do it.
#
# usage: ip_per_step_bridge.sh N setup|teardown
#
# setup: forwarding on; bridge cn0 with 10.88.0.1/16, up; per container i: namespace cI, veth vcI up
# with its peer created directly inside cI as eth0, vcI a port of cn0; inside cI: lo and eth0 up,
# 10.88.X.Y/16 on eth0 (i + 1 mapped into the /16), default route via 10.88.0.1. The kernel refuses
# IFF_UP on a veth peer inside the create request (ENOTCONN), so eth0 comes up in a step of its own.
# teardown: every namespace deleted (its veth goes with it), then the bridge.
# Addresses are computed with shell arithmetic only: a $(...) would fork once more per container.
set -euo pipefail

n=${1:?usage: ip_per_step_bridge.sh N setup|teardown}
action=${2:?usage: ip_per_step_bridge.sh N setup|teardown}

case $action in
setup)
    echo 1 > /proc/sys/net/ipv4/ip_forward
    ip link add cn0 type bridge
    ip addr add 10.88.0.1/16 dev cn0
    ip link set cn0 up
    for ((i = 1; i <= n; i++)); do
        h=$((i + 1))
        ip netns add "c$i"
        ip link add "vc$i" up type veth peer name eth0 netns "c$i"
        ip link set "vc$i" master cn0
        ip -n "c$i" link set lo up
        ip -n "c$i" link set eth0 up
        ip -n "c$i" addr add "10.88.$((h >> 8)).$((h & 255))/16" dev eth0
        ip -n "c$i" route add default via 10.88.0.1
    done
    ;;
teardown)
    for ((i = 1; i <= n; i++)); do
        ip netns del "c$i"
    done
    ip link del cn0
    ;;
*)
    echo "usage: ip_per_step_bridge.sh N setup|teardown" >&2
    exit 2
    ;;
esac
