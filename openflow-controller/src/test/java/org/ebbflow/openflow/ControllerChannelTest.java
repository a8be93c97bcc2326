package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.openflow.actuation.FlowAction;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.IpAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortMod;
import org.projectfloodlight.openflow.protocol.OFType;

class ControllerChannelTest {
    private OpenFlowController controller;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        controller = new OpenFlowController(ControllerConfig.defaults().withListen("127.0.0.1", 0));
        address = controller.start();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void handshakeRegistersSwitchWithPortsFromMultipartReplyAndInstallsControlRules() throws Exception {
        try (FakeSwitch sw = new FakeSwitch(address, 7, 4)) {
            assertTrue(sw.awaitHandshake(5000));
            await("switch in topology", () -> controller.topology().snapshot().switchCount() == 1);
            assertEquals(4, controller.topology().snapshot().portsOf(0).size());
            assertEquals("s7", controller.topology().snapshot().switchAt(0).name());
            await("control rules", () -> sw.count(OFType.FLOW_MOD) >= 5);
            OFFlowDelete cleanup = (OFFlowDelete) sw.received().stream().filter(m -> m instanceof OFFlowDelete)
                    .findFirst().orElseThrow();
            assertEquals(EbbflowCookie.mask(), cleanup.getCookieMask().getValue());
            await("LLDP probes on 4 ports", () -> sw.count(OFType.PACKET_OUT) >= 4);
        }
    }

    @Test
    void switchThatReturnsIsTheSameSwitch() throws Exception {
        DatapathId dpid = DatapathId.of(9);
        try (FakeSwitch sw = new FakeSwitch(address, 9, 2)) {
            assertTrue(sw.awaitHandshake(5000));
            await("connected", () -> controller.topology().snapshot().switchCount() == 1);
        }
        await("disconnected", () -> controller.topology().snapshot().switchState(0) == ElementState.FAILED);
        try (FakeSwitch again = new FakeSwitch(address, 9, 2)) {
            assertTrue(again.awaitHandshake(5000));
            await("reconnected", () -> controller.topology().snapshot().switchState(0) == ElementState.ACTIVE);
            assertEquals(1, controller.topology().snapshot().switchCount());
            assertTrue(controller.switches().isKnown(dpid));
        }
    }

    @Test
    void programmerInstallsRemovesOnlyEbbflowFlowsAndSetsPortsDownWithTheirHardwareAddress() throws Exception {
        DatapathId dpid = DatapathId.of(3);
        try (FakeSwitch sw = new FakeSwitch(address, 3, 4)) {
            assertTrue(sw.awaitHandshake(5000));
            await("connected", () -> controller.programmer().isConnected(dpid));
            EbbflowCookie cookie = EbbflowCookie.path(42, 1);
            FlowRule rule = FlowRule.of(dpid, 30000, FlowMatch.builder().ethType(0x0800)
                    .ipv4Dst(IpAddress.parse("10.0.1.2")).build(), List.of(FlowAction.output(3)), cookie);
            controller.programmer().install(List.of(rule)).get(5, TimeUnit.SECONDS);
            assertTrue(sw.received().stream().anyMatch(m -> m instanceof OFFlowAdd
                    && ((OFFlowAdd) m).getCookie().getValue() == cookie.value()));

            controller.programmer().remove(dpid, cookie.allGenerationsFilter()).get(5, TimeUnit.SECONDS);
            assertThrows(IllegalArgumentException.class,
                    () -> controller.programmer().remove(dpid, CookieFilter.of(0, 0)));
            assertThrows(IllegalArgumentException.class,
                    () -> controller.programmer().remove(dpid, CookieFilter.of(EbbflowCookie.path(1, 1).value(),
                            EbbflowCookie.ID_MASK)));

            controller.programmer().setPortsUp(List.of(ConnectPoint.of(dpid, 2)), false).get(5, TimeUnit.SECONDS);
            OFPortMod mod = (OFPortMod) sw.received().stream().filter(m -> m instanceof OFPortMod).findFirst()
                    .orElseThrow();
            assertEquals(2, mod.getPortNo().getPortNumber());
            assertEquals(0x0200_0000_0000L | 3L << 8 | 2, mod.getHwAddr().getLong());
            assertTrue(mod.getConfig().contains(OFPortConfig.PORT_DOWN));
        }
    }

    @Test
    void malformedMessageClosesOnlyThatConnection() throws Exception {
        try (FakeSwitch good = new FakeSwitch(address, 1, 2); FakeSwitch bad = new FakeSwitch(address, 2, 2)) {
            assertTrue(good.awaitHandshake(5000));
            assertTrue(bad.awaitHandshake(5000));
            bad.sendRaw(new byte[] {4, 0, 0, 4, 0, 0, 0, 1});
            assertTrue(bad.awaitClosed(5000), "the controller closes a connection sending a 4-byte message");
            controller.programmer().barrier(List.of(DatapathId.of(1))).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void unexpectedMessageClosesTheConnection() throws Exception {
        try (FakeSwitch sw = new FakeSwitch(address, 5, 2)) {
            assertTrue(sw.awaitHandshake(5000));
            OFMessage flowMod = org.projectfloodlight.openflow.protocol.OFFactories
                    .getFactory(org.projectfloodlight.openflow.protocol.OFVersion.OF_13).buildFlowAdd().setXid(5)
                    .build();
            sw.send(flowMod);
            assertTrue(sw.awaitClosed(5000), "a switch sending a FLOW_MOD is closed");
        }
    }

    @Test
    void messageOtherThanHelloFirstIsRefused() throws Exception {
        try (Socket s = FakeSwitch.raw(address)) {
            // An OF 1.3 ECHO_REPLY, 8 bytes: well-formed, but not a HELLO.
            s.getOutputStream().write(new byte[] {4, 3, 0, 8, 0, 0, 0, 1});
            s.setSoTimeout(5000);
            byte[] buf = new byte[1024];
            int total = 0;
            int n;
            while ((n = s.getInputStream().read(buf)) > 0) {
                total += n;
            }
            assertEquals(-1, n, "closed after " + total + " bytes");
        }
    }
}
