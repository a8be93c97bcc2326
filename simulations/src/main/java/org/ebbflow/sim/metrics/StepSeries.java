package org.ebbflow.sim.metrics;

import java.util.Arrays;

/**
 * One policy's per-step figures over a run, in parallel arrays (one entry per step): time, power, sleeping elements,
 * traffic, utilisation and changes. Filled by the simulator, read by reports.
 */
public final class StepSeries {
    private int size;
    private long[] timeMillis;
    private double[] watts;
    private int[] switchesAsleep;
    private int[] cablesAsleep;
    private double[] offeredBps;
    private double[] deliveredBps;
    private double[] maxUtilisation;
    private double[] meanUtilisation;
    private int[] linksOverCap;
    private int[] transitions;
    private long[] ruleChanges;

    /** @param capacity expected number of steps */
    public StepSeries(int capacity) {
        int c = Math.max(16, capacity);
        timeMillis = new long[c];
        watts = new double[c];
        switchesAsleep = new int[c];
        cablesAsleep = new int[c];
        offeredBps = new double[c];
        deliveredBps = new double[c];
        maxUtilisation = new double[c];
        meanUtilisation = new double[c];
        linksOverCap = new int[c];
        transitions = new int[c];
        ruleChanges = new long[c];
    }

    /**
     * Appends one step.
     *
     * @param startMillis the step's start, epoch milliseconds
     * @param powerWatts the network's power during the step
     * @param switchesOff switches asleep
     * @param cablesOff cables asleep
     * @param offered demand, bits per second
     * @param delivered delivered, bits per second
     * @param maxUtil largest switch-link utilisation (offered over capacity)
     * @param meanUtil mean utilisation of the powered switch links
     * @param overCap switch links above their class cap
     * @param transitionCount power transitions decided at the step's end
     * @param ruleChangeCount flow-rule changes at the step's start
     */
    public void add(long startMillis, double powerWatts, int switchesOff, int cablesOff, double offered,
                    double delivered, double maxUtil, double meanUtil, int overCap, int transitionCount,
                    long ruleChangeCount) {
        if (size == timeMillis.length) {
            int n = size * 2;
            timeMillis = Arrays.copyOf(timeMillis, n);
            watts = Arrays.copyOf(watts, n);
            switchesAsleep = Arrays.copyOf(switchesAsleep, n);
            cablesAsleep = Arrays.copyOf(cablesAsleep, n);
            offeredBps = Arrays.copyOf(offeredBps, n);
            deliveredBps = Arrays.copyOf(deliveredBps, n);
            maxUtilisation = Arrays.copyOf(maxUtilisation, n);
            meanUtilisation = Arrays.copyOf(meanUtilisation, n);
            linksOverCap = Arrays.copyOf(linksOverCap, n);
            transitions = Arrays.copyOf(transitions, n);
            ruleChanges = Arrays.copyOf(ruleChanges, n);
        }
        timeMillis[size] = startMillis;
        watts[size] = powerWatts;
        switchesAsleep[size] = switchesOff;
        cablesAsleep[size] = cablesOff;
        offeredBps[size] = offered;
        deliveredBps[size] = delivered;
        maxUtilisation[size] = maxUtil;
        meanUtilisation[size] = meanUtil;
        linksOverCap[size] = overCap;
        transitions[size] = transitionCount;
        ruleChanges[size] = ruleChangeCount;
        size++;
    }

    /** Sets the transitions decided at the end of the last step appended. */
    public void setLastTransitions(int count) {
        transitions[size - 1] = count;
    }

    /** @return the number of steps */
    public int size() {
        return size;
    }

    /** @return step i's start, epoch milliseconds */
    public long timeMillis(int i) {
        return timeMillis[i];
    }

    /** @return step i's power, watts */
    public double watts(int i) {
        return watts[i];
    }

    /** @return switches asleep during step i */
    public int switchesAsleep(int i) {
        return switchesAsleep[i];
    }

    /** @return cables asleep during step i */
    public int cablesAsleep(int i) {
        return cablesAsleep[i];
    }

    /** @return step i's demand, bits per second */
    public double offeredBps(int i) {
        return offeredBps[i];
    }

    /** @return step i's delivered rate, bits per second */
    public double deliveredBps(int i) {
        return deliveredBps[i];
    }

    /** @return step i's largest switch-link utilisation */
    public double maxUtilisation(int i) {
        return maxUtilisation[i];
    }

    /** @return step i's mean utilisation of powered switch links */
    public double meanUtilisation(int i) {
        return meanUtilisation[i];
    }

    /** @return switch links above their class cap in step i */
    public int linksOverCap(int i) {
        return linksOverCap[i];
    }

    /** @return power transitions decided at the end of step i */
    public int transitions(int i) {
        return transitions[i];
    }

    /** @return flow-rule changes at the start of step i */
    public long ruleChanges(int i) {
        return ruleChanges[i];
    }
}
