package org.ebbflow.sim.mininet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Checks whether Mininet runs are possible on this machine: root, Debian's Python with Mininet, Open vSwitch. */
public final class MininetEnvironment {
    /** The Python that has Debian's Mininet module (a pyenv python3 on the PATH does not). */
    public static final String PYTHON = "/usr/bin/python3";

    private MininetEnvironment() {
    }

    /** @return null if Mininet runs are possible, else why not, in one sentence */
    public static String unavailableReason() {
        Exec.Result id = Exec.run(List.of("id", "-u"), Duration.ofSeconds(5));
        if (!id.ok() || !id.output().trim().equals("0")) {
            return "Mininet needs root (id -u is " + id.output().trim() + ")";
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        Exec.Result mn = Exec.run(List.of(PYTHON, "-c", "import mininet.net"), Duration.ofSeconds(20));
        if (!mn.ok()) {
            return "Mininet is not installed for " + PYTHON + " (apt-get install mininet): " + mn.output().trim();
        }
        Exec.Result ovs = Exec.run(List.of("ovs-vsctl", "--timeout=5", "show"), Duration.ofSeconds(10));
        if (!ovs.ok()) {
            return "Open vSwitch is not running (scripts/install-deps.sh starts it): " + ovs.output().trim();
        }
        for (String tool : List.of("ethtool", "iperf3", "ping")) {
            if (!Exec.run(List.of("sh", "-c", "command -v " + tool), Duration.ofSeconds(5)).ok()) {
                return tool + " is not installed";
            }
        }
        return null;
    }
}
