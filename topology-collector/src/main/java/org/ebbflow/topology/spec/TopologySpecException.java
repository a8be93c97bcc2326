package org.ebbflow.topology.spec;

/**
 * A topology spec that cannot be parsed or does not describe a buildable topology. The message is one line that
 * names what is wrong and, where it helps, what would be valid, so a command-line tool can print it as it is.
 */
public final class TopologySpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the problem, e.g. {@code unknown fat-tree parameter 'n' (valid: k, rate)} */
    public TopologySpecException(String message) {
        super(message);
    }
}
