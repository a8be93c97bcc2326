package org.ebbflow.predictor.data;

/**
 * A data spec that cannot be parsed, names an option the kind does not have, or points at a file that does not
 * exist. The message is one line naming the problem and, where it helps, what would be valid.
 */
public final class DataSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, e.g. {@code unknown data kind 'tsv' (kinds: csv, abilene, fbpod, alibaba, ebbflow)} */
    public DataSpecException(String message) {
        super(message);
    }
}
