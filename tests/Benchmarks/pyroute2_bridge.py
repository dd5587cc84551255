#!/usr/bin/python3
"""The pyroute2 peer of the bridge-topology benchmark: one python process, as a tool built on pyroute2
would do it.

usage: pyroute2_bridge.py N setup|teardown

setup: IPv4 forwarding on; bridge cn0 with 10.88.0.1/16, up; per container i: named namespace cI, veth
vcI (up, port of cn0) with its peer created directly inside cI as eth0; inside cI (through a NetNS
proxy, pyroute2's API for working in another namespace): lo and eth0 up, 10.88.X.Y/16 on eth0 (i + 1
mapped into the /16), default route via 10.88.0.1.
teardown: every namespace removed (its veth goes with it), then the bridge.

Needs Debian's python3-pyroute2, which installs into /usr/lib/python3/dist-packages: run it with
/usr/bin/python3 (a python3 from pyenv or a venv earlier on PATH does not see that package).
"""

import sys

from pyroute2 import IPRoute, NetNS, netns

BRIDGE = 'cn0'
GATEWAY = '10.88.0.1'
PREFIX = 16


def container_address(i):
    host = i + 1
    return '10.88.%d.%d' % (host >> 8, host & 255)


def setup(n):
    with open('/proc/sys/net/ipv4/ip_forward', 'w') as forward:
        forward.write('1')
    with IPRoute() as ipr:
        ipr.link('add', ifname=BRIDGE, kind='bridge')
        bridge = ipr.link_lookup(ifname=BRIDGE)[0]
        ipr.addr('add', index=bridge, address=GATEWAY, prefixlen=PREFIX)
        ipr.link('set', index=bridge, state='up')
        for i in range(1, n + 1):
            name = 'c%d' % i
            netns.create(name)
            ipr.link('add', ifname='v' + name, kind='veth', peer={'ifname': 'eth0', 'net_ns_fd': name})
            host_end = ipr.link_lookup(ifname='v' + name)[0]
            ipr.link('set', index=host_end, master=bridge, state='up')
            # flags=0: open the existing namespace, never create one.
            ns = NetNS(name, flags=0)
            try:
                ns.link('set', index=ns.link_lookup(ifname='lo')[0], state='up')
                eth0 = ns.link_lookup(ifname='eth0')[0]
                ns.link('set', index=eth0, state='up')
                ns.addr('add', index=eth0, address=container_address(i), prefixlen=PREFIX)
                ns.route('add', dst='0.0.0.0/0', gateway=GATEWAY)
            finally:
                ns.close()


def teardown(n):
    for i in range(1, n + 1):
        netns.remove('c%d' % i)
    with IPRoute() as ipr:
        ipr.link('del', index=ipr.link_lookup(ifname=BRIDGE)[0])


def main(argv):
    if len(argv) != 3 or argv[2] not in ('setup', 'teardown') or not argv[1].isdigit():
        sys.stderr.write('usage: pyroute2_bridge.py N setup|teardown\n')
        return 2
    n = int(argv[1])
    setup(n) if argv[2] == 'setup' else teardown(n)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
