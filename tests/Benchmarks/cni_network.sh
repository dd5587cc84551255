#!/usr/bin/env bash
# The CNI peer of the "network" benchmark (../shared/PEERS.md): the reference plugins run the way a
# container runtime runs them, one plugin process per step, container after container.
#
# usage: cni_network.sh N setup|teardown
#
# Expects namespaces c1..cN under /run/netns (made beforehand, untimed, by the caller), inside the
# benchmark sandbox (CONTAINERNET_SANDBOX=1, which build.ps1 sets there; set it yourself in a sandbox
# of your own), with a tmpfs of the sandbox's own on /run/cni-ipam. Plugins from /usr/lib/cni (Debian
# containernetworking-plugins).
#
# setup, per container i in order: loopback ADD (CNI_IFNAME=lo), then bridge ADD (bridge cn0, gateway
# 10.88.0.1, ipMasq, hairpinMode; host-local IPAM on 10.88.0.0/16 with its dataDir in /run/cni-ipam,
# so container i gets 10.88.0.2 upward in connect order on a fresh network), and for container 1
# portmap ADD (host tcp 8080 -> :80, snat) chained on the bridge's result (prevResult), as libcni
# chains a conflist. Every bridge result is cached, as libcni caches results for DEL.
# teardown, per container i in order: the chain in reverse (portmap DEL for container 1 with the cached
# result as prevResult, bridge DEL, loopback DEL). The plugins never delete the bridge: nothing in CNI
# does, so the caller removes cn0 afterwards (untimed), as it removes the namespaces.
# JSON is built with bash string operations and $(<file), so the only processes are the plugins.
set -euo pipefail

usage='usage: cni_network.sh N setup|teardown'
n=${1:?$usage}
action=${2:?$usage}
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "$usage (N: a positive integer)" >&2; exit 2; }

plugins=/usr/lib/cni
ipam_dir=/run/cni-ipam
cache_dir=$ipam_dir/results

case $action in setup | teardown) ;; *) echo "$usage" >&2; exit 2 ;; esac
if [[ ${CONTAINERNET_SANDBOX:-} != 1 ]]; then
    echo "cni_network.sh: CONTAINERNET_SANDBOX is not 1; run inside the benchmark sandbox (build.ps1 Bench)." >&2
    exit 3
fi
# The IPAM data and the result cache must land on the sandbox's tmpfs, never on the machine's /run.
sandboxed=0
while read -r _ _ _ _ mount_point _; do
    if [[ $mount_point == "$ipam_dir" ]]; then sandboxed=1; fi
done < /proc/self/mountinfo
if ((sandboxed == 0)); then
    echo "cni_network.sh: $ipam_dir is not a mount point here; run inside the benchmark sandbox (build.ps1 Bench)." >&2
    exit 3
fi

export CNI_PATH=$plugins
bridge_conf='{"cniVersion":"1.0.0","name":"benchnet","type":"bridge","bridge":"cn0","isGateway":true,"ipMasq":true,"hairpinMode":true,"ipam":{"type":"host-local","ranges":[[{"subnet":"10.88.0.0/16","gateway":"10.88.0.1"}]],"routes":[{"dst":"0.0.0.0/0"}],"dataDir":"'$ipam_dir'"}}'
loopback_conf='{"cniVersion":"1.0.0","name":"benchnet","type":"loopback"}'
portmap_head='{"cniVersion":"1.0.0","name":"benchnet","type":"portmap","capabilities":{"portMappings":true},"snat":true,"runtimeConfig":{"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"}]},"prevResult":'

# plugin COMMAND CONTAINER IFNAME TYPE STDIN: one plugin process; its result goes to stdout.
plugin() {
    CNI_COMMAND=$1 CNI_CONTAINERID=$2 CNI_NETNS=/run/netns/$2 CNI_IFNAME=$3 "$plugins/$4" <<< "$5"
}

case $action in
setup)
    mkdir -p "$cache_dir"
    for ((i = 1; i <= n; i++)); do
        c=c$i
        plugin ADD "$c" lo loopback "$loopback_conf" > /dev/null
        plugin ADD "$c" eth0 bridge "$bridge_conf" > "$cache_dir/$c.json"
        if ((i == 1)); then
            plugin ADD "$c" eth0 portmap "$portmap_head$(< "$cache_dir/$c.json")}" > /dev/null
        fi
    done
    ;;
teardown)
    for ((i = 1; i <= n; i++)); do
        c=c$i
        if ((i == 1)); then
            plugin DEL "$c" eth0 portmap "$portmap_head$(< "$cache_dir/$c.json")}"
        fi
        plugin DEL "$c" eth0 bridge "$bridge_conf"
        plugin DEL "$c" lo loopback "$loopback_conf"
    done
    # libcni drops a cached result with its DEL; one rm for all keeps the process count per container.
    rm -rf "$cache_dir"
    ;;
esac
