package org.ebbflow.sim.mininet;

import java.util.Locale;

/** The traffic of an {@code ebbflow mininet} run: how much of the peak cross-pod load is offered over the run. */
public enum MininetScenario {
    /** No traffic but the pings: the network should sleep down to its connectivity floor and stay there. */
    IDLE,
    /** One day compressed into the run: load rises from nothing to the peak at mid-run and falls back. */
    DIURNAL,
    /** A low background (15% of the peak), the full peak during the middle third of the run, then low again. */
    SURGE;

    /**
     * @param fraction how far into the run, 0..1
     * @return the share of the peak load offered then, 0..1
     */
    public double level(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        switch (this) {
            case IDLE:
                return 0;
            case DIURNAL:
                return 0.5 * (1 - Math.cos(2 * Math.PI * f));
            default:
                return f >= 1.0 / 3 && f < 2.0 / 3 ? 1 : 0.15;
        }
    }

    /** @return the name on the command line */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text idle, diurnal or surge, case-insensitive
     * @throws IllegalArgumentException naming the valid scenarios
     */
    public static MininetScenario parse(String text) {
        for (MininetScenario s : values()) {
            if (s.token().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + text + "' (valid: idle, diurnal, surge)");
    }
}
