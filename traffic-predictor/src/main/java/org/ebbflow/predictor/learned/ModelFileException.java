package org.ebbflow.predictor.learned;

/**
 * A model file that cannot be used: missing, unreadable, truncated, corrupt, not an ebbflow model, of an unknown
 * format version, or inconsistent. The message is one line naming the file and what is wrong.
 */
public final class ModelFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /**
     * @param file the file (or resource) named in the message
     * @param problem what is wrong, e.g. {@code truncated: no zip end record}
     * @param cause the underlying failure, or null
     */
    public ModelFileException(String file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** @return the file or resource */
    public String file() {
        return file;
    }

    /** @return what is wrong, without the file name */
    public String problem() {
        return problem;
    }
}
