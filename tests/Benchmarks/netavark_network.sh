#!/usr/bin/env bash
# The netavark peer of the "network" benchmark (../shared/PEERS.md): netavark run the way podman runs
# it, one `netavark setup` (or `teardown`) process per container, container after container.
#
# usage: netavark_network.sh N setup|teardown
#
# Expects namespaces c1..cN under /run/netns (made beforehand, untimed, by the caller), inside the
# benchmark sandbox (CONTAINERNET_SANDBOX=1, which build.ps1 sets there; set it yourself in a sandbox
# of your own). netavark is Debian's /usr/lib/podman/netavark (not on PATH).
#
# Each container's options are the JSON podman hands netavark on stdin: the network "podman" (bridge
# podman0, 10.88.0.0/16, gateway 10.88.0.1, no DNS, not internal, so masqueraded), container i with the
# static address 10.88.0.2 upward (i + 1 mapped into the /16, as host-local and ContainerNet hand them
# out) as eth0, and container 1 with one published port (host tcp 8080 -> :80).
# setup: netavark creates podman0 on the first call and plugs each container in.
# teardown: netavark unplugs each container and removes podman0 and the network's rules with the last.
# --config names where aardvark-dns's configuration would live (podman's rootful path); with DNS off
# netavark neither reads nor creates it.
# JSON is built with bash string operations (printf -v), so the only processes are netavark's.
set -euo pipefail

usage='usage: netavark_network.sh N setup|teardown'
n=${1:?$usage}
action=${2:?$usage}
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "$usage (N: a positive integer)" >&2; exit 2; }
case $action in setup | teardown) ;; *) echo "$usage" >&2; exit 2 ;; esac
if [[ ${CONTAINERNET_SANDBOX:-} != 1 ]]; then
    echo "netavark_network.sh: CONTAINERNET_SANDBOX is not 1; run inside the benchmark sandbox (build.ps1 Bench)." >&2
    exit 3
fi

netavark=/usr/lib/podman/netavark
config_dir=/run/containers/networks
# podman's id of its default network "podman".
network_id=2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9
network_info='"network_info":{"podman":{"name":"podman","id":"'$network_id'","driver":"bridge","network_interface":"podman0","subnets":[{"subnet":"10.88.0.0/16","gateway":"10.88.0.1"}],"ipv6_enabled":false,"internal":false,"dns_enabled":false,"ipam_options":{"driver":"host-local"}}}'
port_mappings=',"port_mappings":[{"host_ip":"","container_port":80,"host_port":8080,"range":1,"protocol":"tcp"}]'

for ((i = 1; i <= n; i++)); do
    h=$((i + 1))
    printf -v container_id '%064x' "$i"
    ports=''
    if ((i == 1)); then ports=$port_mappings; fi
    options='{"container_id":"'$container_id'","container_name":"c'$i'","networks":{"podman":{"static_ips":["10.88.'$((h >> 8)).$((h & 255))'"],"interface_name":"eth0"}},'$network_info$ports'}'
    "$netavark" --config "$config_dir" "$action" "/run/netns/c$i" <<< "$options" > /dev/null
done
