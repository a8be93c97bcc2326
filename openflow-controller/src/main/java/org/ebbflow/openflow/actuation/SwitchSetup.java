package org.ebbflow.openflow.actuation;

import java.util.function.Consumer;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchListener;
import org.ebbflow.topology.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a switch that connected (or reconnected): removes every ebbflow flow it still holds (only ebbflow's, by
 * cookie), installs the {@link ControlRules}, and then tells the router the switch holds no path rules.
 */
public final class SwitchSetup implements SwitchListener {
    private static final Logger log = LoggerFactory.getLogger(SwitchSetup.class);

    private final SwitchProgrammer programmer;
    private final Consumer<DatapathId> onReady;

    /** @param onReady called (on a channel thread) once the switch has its control rules and no others of ours */
    public SwitchSetup(SwitchProgrammer programmer, Consumer<DatapathId> onReady) {
        this.programmer = programmer;
        this.onReady = onReady;
    }

    @Override
    public void switchActivated(SwitchConnection sw) {
        DatapathId dpid = sw.dpid();
        programmer.remove(dpid, EbbflowCookie.allFilter())
                .thenCompose(v -> programmer.install(ControlRules.forSwitch(dpid)))
                .whenComplete((v, err) -> {
                    if (err != null) {
                        log.warn("setting up switch {} failed: {}", sw, err.toString());
                    } else {
                        log.debug("switch {} has its control rules", sw);
                        onReady.accept(dpid);
                    }
                });
    }
}
