#!/usr/bin/python3
"""ebbflow's Mininet networks, driven over a line protocol on stdin/stdout (see README.md).

Builds a k-ary fat-tree or a leaf-spine with exactly the names, datapath ids, MACs, IPs and port numbers of the Java
generators (org.ebbflow.topology.generate.FatTree / LeafSpine), Open vSwitch in userspace (datapath 'user'),
OpenFlow 1.3, fail mode 'secure', bandwidth-limited TCULinks, a remote controller on loopback, TX checksum offload
off and IPv6 off in the hosts. Then reads one command per line from stdin and answers each with one JSON line on
stdout; everything else (Mininet's log, tool output) goes to stderr. Run it with Debian's /usr/bin/python3, as root.
"""

import argparse
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time

# Replies go to the real stdout; anything else that writes to fd 1 (Mininet, child processes) lands on stderr.
REPLY = os.fdopen(os.dup(1), 'w', buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr

from mininet.link import TCULink, Link  # noqa: E402
from mininet.log import setLogLevel  # noqa: E402
from mininet.net import Mininet  # noqa: E402
from mininet.node import OVSSwitch, RemoteController  # noqa: E402
from mininet.topo import Topo  # noqa: E402


class UserOVS(OVSSwitch):
    """Open vSwitch in userspace, OpenFlow 1.3 only, no forwarding without the controller (a subclass keeps
    Mininet's batch start-up)."""

    def __init__(self, name, **kw):
        kw.update(datapath='user', protocols='OpenFlow13', failMode='secure')
        OVSSwitch.__init__(self, name, **kw)


def dpid_hex(value):
    return '%016x' % value


def mac_text(value):
    return ':'.join('%02x' % ((value >> shift) & 0xff) for shift in range(40, -8, -8))


class FatTreeTopo(Topo):
    """The k-ary fat-tree of FatTree.java: core c<j>, aggregation a<pod>_<i>, edge e<pod>_<i>, host h<pod>_<i>_<h>."""

    def build(self, k=4, bw=0, host_bw=0):
        half = k // 2
        sw_opts = dict(bw=bw) if bw else {}
        host_opts = dict(bw=host_bw) if host_bw else {}
        for j in range(1, half * half + 1):
            self.addSwitch('c%d' % j, dpid=dpid_hex(0x10000 + j))
        for pod in range(k):
            for i in range(1, half + 1):
                self.addSwitch('a%d_%d' % (pod, i), dpid=dpid_hex(0x20000 + pod * 256 + i))
            for i in range(1, half + 1):
                self.addSwitch('e%d_%d' % (pod, i), dpid=dpid_hex(0x30000 + pod * 256 + i))
        for pod in range(k):
            for e in range(1, half + 1):
                for h in range(1, half + 1):
                    name = 'h%d_%d_%d' % (pod, e, h)
                    self.addHost(name, ip='10.%d.%d.%d/8' % (pod, e, h), mac=mac_text((pod << 16) | (e << 8) | h))
                    self.addLink(name, 'e%d_%d' % (pod, e), port1=0, port2=h, **host_opts)
            for e in range(1, half + 1):
                for a in range(1, half + 1):
                    self.addLink('e%d_%d' % (pod, e), 'a%d_%d' % (pod, a), port1=half + a, port2=e, **sw_opts)
            for a in range(1, half + 1):
                for m in range(1, half + 1):
                    core = (a - 1) * half + m
                    self.addLink('a%d_%d' % (pod, a), 'c%d' % core, port1=half + m, port2=pod + 1, **sw_opts)


class LeafSpineTopo(Topo):
    """The leaf-spine of LeafSpine.java: spine s<i>, leaf l<j>, host h<j>_<h>."""

    def build(self, spines=2, leaves=4, hosts=2, bw=0, host_bw=0):
        sw_opts = dict(bw=bw) if bw else {}
        host_opts = dict(bw=host_bw) if host_bw else {}
        for i in range(1, spines + 1):
            self.addSwitch('s%d' % i, dpid=dpid_hex(0x40000 + i))
        for j in range(1, leaves + 1):
            self.addSwitch('l%d' % j, dpid=dpid_hex(0x50000 + j))
        for j in range(1, leaves + 1):
            for i in range(1, spines + 1):
                self.addLink('l%d' % j, 's%d' % i, port1=hosts + i, port2=j, **sw_opts)
            for h in range(1, hosts + 1):
                name = 'h%d_%d' % (j, h)
                self.addHost(name, ip='10.1.%d.%d/8' % (j, h), mac=mac_text((1 << 24) | (j << 8) | h))
                self.addLink(name, 'l%d' % j, port1=0, port2=h, **host_opts)


class Server(object):
    """Runs one command per stdin line; each answer is one JSON object on one line."""

    def __init__(self, net, topo_name, run_id=''):
        self.net = net
        self.topo_name = topo_name
        self.iperf_port = 5201
        self.workdir = tempfile.mkdtemp(prefix='ebbflow-mn-%s-' % (run_id or 'run'))
        self.background = {}  # iperf id -> dict(src, dst, port, pids, file, started, seconds)
        self.pingers = []  # dict(src, dst, pid, file, interval)

    def cleanup(self):
        """Stops every background tool this server started (by pid) and removes its files."""
        procs = [pp for job in self.background.values() for pp in job['pids']]
        procs += [(p['host'], p['pid']) for p in self.pingers]
        for host, pid in procs:
            try:
                if str(pid).isdigit():
                    host.cmd('kill -9 %s 2>/dev/null' % pid)
            except Exception:  # the host shell is gone: so are its children
                pass
        self.background.clear()
        self.pingers = []
        shutil.rmtree(self.workdir, ignore_errors=True)

    def reply(self, obj):
        REPLY.write(json.dumps(obj, separators=(',', ':')) + '\n')
        REPLY.flush()

    def host(self, name):
        if name not in self.net.nameToNode or name not in [h.name for h in self.net.hosts]:
            raise ValueError('unknown host %s' % name)
        return self.net.get(name)

    def serve(self):
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            cmd, args = words[0], words[1:]
            try:
                if cmd == 'quit':
                    self.reply({'ok': True, 'command': 'quit'})
                    return
                handler = getattr(self, 'cmd_' + cmd.replace('-', '_'), None)
                if handler is None:
                    raise ValueError('unknown command %s' % cmd)
                result = handler(*args)
                result.update(ok=True, command=cmd)
                self.reply(result)
            except TypeError as e:
                self.reply({'ok': False, 'command': cmd, 'error': 'wrong arguments: %s' % e})
            except Exception as e:  # one bad command must not end the server
                self.reply({'ok': False, 'command': cmd, 'error': str(e)})

    # ---- commands

    def cmd_dump(self):
        switches = [{'name': s.name, 'dpid': s.dpid} for s in self.net.switches]
        links, hosts = [], []
        for link in self.net.links:
            a, b = link.intf1, link.intf2
            na, nb = a.node, b.node
            if na in self.net.hosts or nb in self.net.hosts:
                h, hi, s, si = (na, a, nb, b) if na in self.net.hosts else (nb, b, na, a)
                hosts.append({'name': h.name, 'mac': hi.MAC(), 'ip': hi.IP(), 'switch': s.name,
                              'port': s.ports[si]})
            else:
                links.append({'a': na.name, 'aPort': na.ports[a], 'b': nb.name, 'bPort': nb.ports[b]})
        return {'topology': self.topo_name, 'switches': switches, 'links': links, 'hosts': hosts}

    def cmd_announce(self):
        """Each host sends one ARP request (for an address nobody has), as a container does when it starts."""
        for h in self.net.hosts:
            h.cmd('(ping -c1 -W1 10.255.255.254 >/dev/null 2>&1 &)')
        return {'hosts': len(self.net.hosts)}

    def cmd_ping_all(self, timeout_s='1'):
        wait = int(timeout_s)
        hosts = self.net.hosts
        for src in hosts:
            targets = ' '.join(d.IP() for d in hosts if d is not src)
            src.sendCmd('for ip in %s; do if ping -c1 -W%d -q $ip >/dev/null 2>&1; then echo "ok $ip"; '
                        'else echo "fail $ip"; fi; done' % (targets, wait))
        sent, received, failures = 0, 0, []
        ip_to_name = dict((h.IP(), h.name) for h in hosts)
        for src in hosts:
            out = src.waitOutput()
            for m in re.finditer(r'^(ok|fail) (\S+)', out, re.M):
                sent += 1
                if m.group(1) == 'ok':
                    received += 1
                else:
                    failures.append([src.name, ip_to_name.get(m.group(2), m.group(2))])
        loss = 100.0 * (sent - received) / sent if sent else 100.0
        return {'sent': sent, 'received': received, 'lossPct': loss, 'failures': failures}

    def cmd_ping(self, src, dst, count='3'):
        s, d = self.host(src), self.host(dst)
        n = int(count)
        out = s.cmd('timeout %d ping -c%d -i0.2 -W1 %s' % (n + 5, n, d.IP()))
        m = re.search(r'(\d+) packets transmitted, (\d+) received', out)
        rtt = re.search(r'= [\d.]+/([\d.]+)/', out)
        sent, received = (int(m.group(1)), int(m.group(2))) if m else (n, 0)
        return {'src': src, 'dst': dst, 'sent': sent, 'received': received,
                'rttAvgMs': float(rtt.group(1)) if rtt else None}

    def cmd_iperf(self, src, dst, seconds, rate, proto='tcp'):
        s, d = self.host(src), self.host(dst)
        secs = int(seconds)
        port = self.iperf_port
        self.iperf_port = 5201 + (self.iperf_port - 5200) % 500
        pid = d.cmd('timeout %d iperf3 -s -1 -p %d >/dev/null 2>&1 & echo $!' % (secs + 15, port)).strip()
        time.sleep(0.3)
        udp = '-u ' if proto == 'udp' else ''
        out = s.cmd('timeout %d iperf3 -c %s -p %d -t %d -b %s %s-J' % (secs + 10, d.IP(), port, secs, rate, udp))
        if pid.isdigit():
            d.cmd('kill %s 2>/dev/null' % pid)
        try:
            result = json.loads(out[out.index('{'):])
        except ValueError:
            raise RuntimeError('iperf3 gave no result: %s' % out.strip()[-300:])
        if 'error' in result:
            raise RuntimeError('iperf3: %s' % result['error'])
        end = result['end']
        summary = end.get('sum_received') or end.get('sum')
        return {'src': src, 'dst': dst, 'seconds': secs, 'protocol': proto,
                'bps': summary.get('bits_per_second', 0.0),
                'lossPct': summary.get('lost_percent', 0.0),
                'retransmits': end.get('sum_sent', {}).get('retransmits', 0)}

    def next_port(self):
        port = self.iperf_port
        self.iperf_port = 5201 + (self.iperf_port - 5200) % 500
        return port

    def cmd_iperf_start(self, job_id, src, dst, seconds, rate, proto='udp'):
        """Starts an iperf3 flow in the background and answers at once; iperf-results reads its outcome."""
        if job_id in self.background:
            raise ValueError('iperf job %s exists' % job_id)
        s, d = self.host(src), self.host(dst)
        secs = int(seconds)
        port = self.next_port()
        out = os.path.join(self.workdir, 'iperf-%s.json' % re.sub(r'[^A-Za-z0-9_.-]', '_', job_id))
        spid = d.cmd('timeout %d iperf3 -s -1 -p %d >/dev/null 2>&1 & echo $!' % (secs + 20, port)).strip()
        time.sleep(0.2)
        udp = '-u ' if proto == 'udp' else ''
        cpid = s.cmd('timeout %d iperf3 -c %s -p %d -t %d -b %s %s-J > %s 2>&1 & echo $!'
                     % (secs + 15, d.IP(), port, secs, rate, udp, out)).strip()
        self.background[job_id] = {'src': src, 'dst': dst, 'port': port, 'file': out, 'started': time.time(),
                                   'seconds': secs, 'rate': rate, 'protocol': proto,
                                   'pids': [(d, spid), (s, cpid)]}
        return {'id': job_id, 'src': src, 'dst': dst, 'port': port}

    def cmd_iperf_results(self):
        """Outcome of every background iperf3 flow: done ones with bps and loss, the others as running."""
        jobs = []
        for job_id, job in sorted(self.background.items()):
            entry = {'id': job_id, 'src': job['src'], 'dst': job['dst'], 'rate': job['rate'],
                     'protocol': job['protocol'], 'seconds': job['seconds'], 'done': False}
            alive = job['pids'][1][0].cmd('kill -0 %s 2>/dev/null && echo alive' % job['pids'][1][1]).strip()
            if alive != 'alive':
                entry['done'] = True
                try:
                    with open(job['file']) as f:
                        text = f.read()
                    result = json.loads(text[text.index('{'):])
                    if 'error' in result:
                        entry['error'] = result['error']
                    end = result.get('end', {})
                    summary = end.get('sum_received') or end.get('sum') or {}
                    entry.update(bps=summary.get('bits_per_second', 0.0), lossPct=summary.get('lost_percent', 0.0),
                                 lostPackets=summary.get('lost_packets', 0), packets=summary.get('packets', 0),
                                 retransmits=end.get('sum_sent', {}).get('retransmits', 0))
                except (IOError, ValueError) as e:
                    entry['error'] = 'no result: %s' % e
            jobs.append(entry)
        return {'jobs': jobs}

    def cmd_pings_start(self, interval='0.2', pairs='opposite'):
        """Every host pings one peer continuously (the host half the host list away: another pod in a
        fat-tree) until pings-stop."""
        if self.pingers:
            raise ValueError('pings already running')
        hosts = self.net.hosts
        n = len(hosts)
        for i, h in enumerate(hosts):
            peer = hosts[(i + n // 2) % n] if n > 1 else None
            if peer is None or peer is h:
                continue
            out = os.path.join(self.workdir, 'ping-%s-%s.txt' % (h.name, peer.name))
            pid = h.cmd('ping -n -i %s -W 1 %s > %s 2>&1 & echo $!' % (interval, peer.IP(), out)).strip()
            self.pingers.append({'host': h, 'src': h.name, 'dst': peer.name, 'pid': pid, 'file': out,
                                 'interval': float(interval), 'started': time.time()})
        return {'pairs': [[p['src'], p['dst']] for p in self.pingers]}

    def cmd_pings_stop(self):
        """Stops the continuous pings; counts each pair's echo requests and the ones never answered. Requests sent
        in the last second before the stop are left out (their replies may still be on the way)."""
        for p in self.pingers:
            p['host'].cmd('kill -INT %s 2>/dev/null' % p['pid'])
        time.sleep(1.2)
        pairs, sent_total, lost_total = [], 0, 0
        for p in self.pingers:
            p['host'].cmd('kill -9 %s 2>/dev/null' % p['pid'])
            try:
                with open(p['file']) as f:
                    text = f.read()
            except IOError:
                text = ''
            m = re.search(r'(\d+) packets transmitted', text)
            transmitted = int(m.group(1)) if m else 0
            got = set(int(x) for x in re.findall(r'icmp_seq=(\d+) ttl=', text))
            guard = int(1.0 / p['interval']) + 1
            counted = max(0, transmitted - guard)
            lost = [seq for seq in range(1, counted + 1) if seq not in got]
            sent_total += counted
            lost_total += len(lost)
            pairs.append({'src': p['src'], 'dst': p['dst'], 'sent': counted, 'lost': len(lost),
                          'lostSeqs': lost[:50], 'intervalS': p['interval'],
                          'startedAt': p['started']})
        self.pingers = []
        loss = 100.0 * lost_total / sent_total if sent_total else 0.0
        return {'sent': sent_total, 'lost': lost_total, 'lossPct': loss, 'pairs': pairs}

    def link(self, a, b, status):
        for name in (a, b):
            if name not in self.net.nameToNode:
                raise ValueError('unknown node %s' % name)
        if not self.net.get(a).connectionsTo(self.net.get(b)):
            raise ValueError('no link between %s and %s' % (a, b))
        self.net.configLinkStatus(a, b, status)
        return {'a': a, 'b': b, 'status': status}

    def cmd_link_down(self, a, b):
        return self.link(a, b, 'down')

    def cmd_link_up(self, a, b):
        return self.link(a, b, 'up')


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--topo', choices=['fattree', 'leafspine'], default='fattree')
    p.add_argument('--k', type=int, default=4)
    p.add_argument('--spines', type=int, default=2)
    p.add_argument('--leaves', type=int, default=4)
    p.add_argument('--hosts', type=int, default=2)
    p.add_argument('--bw', type=float, default=10, help='switch-link rate in Mbit/s, 0 = not shaped')
    p.add_argument('--host-bw', type=float, default=0, help='host-link rate in Mbit/s, 0 = not shaped')
    p.add_argument('--controller', default='127.0.0.1:6653')
    p.add_argument('--run-id', default='')
    p.add_argument('--log', default='warning')
    args = p.parse_args()
    setLogLevel(args.log)

    if args.topo == 'fattree':
        if args.k < 2 or args.k % 2:
            p.error('--k must be even and at least 2')
        topo = FatTreeTopo(k=args.k, bw=args.bw, host_bw=args.host_bw)
    else:
        topo = LeafSpineTopo(spines=args.spines, leaves=args.leaves, hosts=args.hosts, bw=args.bw,
                             host_bw=args.host_bw)
    host, port = args.controller.rsplit(':', 1)
    shaped = args.bw > 0 or args.host_bw > 0
    started = time.time()
    net = Mininet(topo=topo, switch=UserOVS, link=TCULink if shaped else Link, build=False, autoSetMacs=False,
                  controller=lambda name: RemoteController(name, ip=host, port=int(port)))
    stopping = []

    def stop(*_):
        if not stopping:
            stopping.append(True)
            net.stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        net.build()
        for sw in net.switches:
            for intf in sw.intfList():
                if intf.name != 'lo':
                    sw.cmd('sysctl -qw net.ipv6.conf.%s.disable_ipv6=1' % intf.name.replace('.', '/'))
        for h in net.hosts:
            h.cmd('sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 '
                  'net.ipv6.conf.lo.disable_ipv6=1')
        net.start()
        for h in net.hosts:
            for intf in h.intfList():
                h.cmd('ethtool -K %s tx off >/dev/null 2>&1' % intf.name)
        server = Server(net, args.topo, args.run_id)
        server.reply({'event': 'ready', 'runId': args.run_id, 'startSeconds': round(time.time() - started, 3),
                      'switches': [s.name for s in net.switches],
                      'hostPids': dict((h.name, h.pid) for h in net.hosts)})
        try:
            server.serve()
        finally:
            server.cleanup()
    finally:
        if not stopping:
            stopping.append(True)
            net.stop()


if __name__ == '__main__':
    main()
