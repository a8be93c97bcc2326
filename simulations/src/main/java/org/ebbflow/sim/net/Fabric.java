package org.ebbflow.sim.net;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The simulated network as flat arrays, compiled once from a snapshot: switches, directed switch links, hosts and
 * switch ports, numbered as in the snapshot. Host access links are links too, so a path is one list of numbers:
 * switch link {@code l} is {@code l}, host {@code h}'s uplink (host → switch) is {@link #hostUpLink(int)} and its
 * downlink {@link #hostDownLink(int)}. Every port knows the link it transmits on and the one it receives from.
 * Immutable.
 */
public final class Fabric {
    private final TopologySnapshot topology;
    private final int switches;
    private final int links;
    private final int hosts;
    private final int[] linkSrc;
    private final int[] linkDst;
    private final double[] capacityBps;
    private final int[] reverse;
    private final int[] outStart;
    private final int[] outLinks;
    private final int[] inStart;
    private final int[] inLinks;
    private final int[] hostSwitch;

    private final ConnectPoint[] ports;
    private final PortInfo[] portInfo;
    private final int[] portSwitch;
    private final int[] portTx;
    private final int[] portRx;
    private final int[] switchPortStart;
    private final int[] linkSrcPort;
    private final int[] linkDstPort;
    private final int[] hostPort;
    private final int[] connectedPorts;

    private Fabric(TopologySnapshot t) {
        this.topology = t;
        switches = t.switchCount();
        links = t.linkCount();
        hosts = t.hostCount();
        int f = links + 2 * hosts;
        linkSrc = new int[f];
        linkDst = new int[f];
        capacityBps = new double[f];
        reverse = new int[links];
        for (int l = 0; l < links; l++) {
            linkSrc[l] = t.linkSrc(l);
            linkDst[l] = t.linkDst(l);
            capacityBps[l] = t.linkCapacityBps(l);
            reverse[l] = t.reverseLink(l);
        }
        hostSwitch = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            hostSwitch[h] = t.hostSwitch(h);
            long bps = t.host(h).linkBps();
            double cap = bps > 0 ? bps : Double.POSITIVE_INFINITY;
            capacityBps[hostUpLink(h)] = cap;
            capacityBps[hostDownLink(h)] = cap;
            linkSrc[hostUpLink(h)] = hostSwitch[h];
            linkDst[hostUpLink(h)] = hostSwitch[h];
            linkSrc[hostDownLink(h)] = hostSwitch[h];
            linkDst[hostDownLink(h)] = hostSwitch[h];
        }
        outStart = new int[switches + 1];
        inStart = new int[switches + 1];
        outLinks = new int[links];
        inLinks = new int[links];
        for (int s = 0; s < switches; s++) {
            outStart[s + 1] = outStart[s] + t.outLinkEnd(s) - t.outLinkStart(s);
            for (int p = t.outLinkStart(s); p < t.outLinkEnd(s); p++) {
                outLinks[outStart[s] + p - t.outLinkStart(s)] = t.outLinkAt(p);
            }
            inStart[s + 1] = inStart[s] + t.inLinkEnd(s) - t.inLinkStart(s);
            for (int p = t.inLinkStart(s); p < t.inLinkEnd(s); p++) {
                inLinks[inStart[s] + p - t.inLinkStart(s)] = t.inLinkAt(p);
            }
        }

        int p = t.portCount();
        ports = new ConnectPoint[p];
        portInfo = new PortInfo[p];
        portSwitch = new int[p];
        portTx = new int[p];
        portRx = new int[p];
        switchPortStart = new int[switches + 1];
        Map<ConnectPoint, Integer> index = new HashMap<>(p * 2);
        int at = 0;
        for (int s = 0; s < switches; s++) {
            switchPortStart[s] = at;
            for (PortInfo info : t.portsOf(s)) {
                ports[at] = info.connectPoint();
                portInfo[at] = info;
                portSwitch[at] = s;
                portTx[at] = -1;
                portRx[at] = -1;
                index.put(info.connectPoint(), at);
                at++;
            }
        }
        switchPortStart[switches] = at;
        linkSrcPort = new int[links];
        linkDstPort = new int[links];
        List<Link> all = t.links();
        for (int l = 0; l < links; l++) {
            linkSrcPort[l] = index.getOrDefault(all.get(l).src(), -1);
            linkDstPort[l] = index.getOrDefault(all.get(l).dst(), -1);
            if (linkSrcPort[l] >= 0) {
                portTx[linkSrcPort[l]] = l;
            }
            if (linkDstPort[l] >= 0) {
                portRx[linkDstPort[l]] = l;
            }
        }
        hostPort = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            hostPort[h] = index.getOrDefault(t.host(h).attachment(), -1);
            if (hostPort[h] >= 0) {
                portTx[hostPort[h]] = hostDownLink(h);
                portRx[hostPort[h]] = hostUpLink(h);
            }
        }
        connectedPorts = new int[switches];
        for (int q = 0; q < p; q++) {
            if (portTx[q] >= 0 || portRx[q] >= 0) {
                connectedPorts[portSwitch[q]]++;
            }
        }
    }

    /** @return the fabric of a snapshot, numbered like it */
    public static Fabric of(TopologySnapshot topology) {
        return new Fabric(topology);
    }

    /** @return the snapshot it was compiled from */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the number of switches */
    public int switchCount() {
        return switches;
    }

    /** @return the number of directed switch links */
    public int switchLinkCount() {
        return links;
    }

    /** @return the number of hosts */
    public int hostCount() {
        return hosts;
    }

    /** @return switch links plus two access links per host */
    public int linkCount() {
        return links + 2 * hosts;
    }

    /** @return the number of switch ports */
    public int portCount() {
        return ports.length;
    }

    /** @return the link number of host h's uplink (host to switch) */
    public int hostUpLink(int h) {
        return links + h;
    }

    /** @return the link number of host h's downlink (switch to host) */
    public int hostDownLink(int h) {
        return links + hosts + h;
    }

    /** @return true for a host access link */
    public boolean isHostLink(int f) {
        return f >= links;
    }

    /** @return the host of an access link */
    public int hostOfLink(int f) {
        return f < links + hosts ? f - links : f - links - hosts;
    }

    /** @return the source switch of a switch link, or the host's switch for an access link */
    public int linkSrc(int f) {
        return linkSrc[f];
    }

    /** @return the destination switch of a switch link, or the host's switch for an access link */
    public int linkDst(int f) {
        return linkDst[f];
    }

    /** @return the capacity in bits per second (infinite for an access link of unknown speed) */
    public double capacityBps(int f) {
        return capacityBps[f];
    }

    /** @return the opposite direction of switch link l, or -1 */
    public int reverse(int l) {
        return reverse[l];
    }

    /** @return first out-link position of switch s (see {@link #outLinkAt}) */
    public int outStart(int s) {
        return outStart[s];
    }

    /** @return one past the last out-link position of switch s */
    public int outEnd(int s) {
        return outStart[s + 1];
    }

    /** @return the switch link at an out-link position */
    public int outLinkAt(int position) {
        return outLinks[position];
    }

    /** @return first in-link position of switch s */
    public int inStart(int s) {
        return inStart[s];
    }

    /** @return one past the last in-link position of switch s */
    public int inEnd(int s) {
        return inStart[s + 1];
    }

    /** @return the switch link at an in-link position */
    public int inLinkAt(int position) {
        return inLinks[position];
    }

    /** @return the switch host h attaches to */
    public int hostSwitch(int h) {
        return hostSwitch[h];
    }

    /** @return the port numbered q */
    public ConnectPoint port(int q) {
        return ports[q];
    }

    /** @return the description of port q in the snapshot */
    public PortInfo portInfo(int q) {
        return portInfo[q];
    }

    /** @return the switch of port q */
    public int portSwitch(int q) {
        return portSwitch[q];
    }

    /** @return the link port q transmits on, or -1 if it is not connected */
    public int portTxLink(int q) {
        return portTx[q];
    }

    /** @return the link port q receives from, or -1 if it is not connected */
    public int portRxLink(int q) {
        return portRx[q];
    }

    /** @return the first port of switch s; its ports run to {@code switchPortStart(s + 1)} */
    public int switchPortStart(int s) {
        return switchPortStart[s];
    }

    /** @return the port switch link l leaves from, or -1 */
    public int linkSrcPort(int l) {
        return linkSrcPort[l];
    }

    /** @return the port switch link l arrives at, or -1 */
    public int linkDstPort(int l) {
        return linkDstPort[l];
    }

    /** @return the edge port of host h, or -1 */
    public int hostPort(int h) {
        return hostPort[h];
    }

    /** @return how many of switch s's ports have a link or a host */
    public int connectedPorts(int s) {
        return connectedPorts[s];
    }

    @Override
    public String toString() {
        return "Fabric{" + switches + " switches, " + links + " links, " + hosts + " hosts, " + ports.length
                + " ports}";
    }
}
