package org.ebbflow.cli;

/**
 * Log levels for slf4j-simple, which reads them from system properties: WARN by default, INFO for ebbflow's own
 * loggers with {@code --verbose}. A level the user chose with {@code -Dorg.slf4j.simpleLogger...} always wins.
 */
final class LogLevels {
    static final String DEFAULT_KEY = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String EBBFLOW_KEY = "org.slf4j.simpleLogger.log.org.ebbflow";

    private static boolean managed;

    private LogLevels() {
    }

    /** Called by {@code main} before anything logs: takes charge of the levels the user did not set. */
    static synchronized void initDefaults() {
        if (System.getProperty(DEFAULT_KEY) == null) {
            System.setProperty(DEFAULT_KEY, "warn");
        }
        managed = System.getProperty(EBBFLOW_KEY) == null;
    }

    /**
     * Raises ebbflow's loggers to INFO, for loggers created from now on; does nothing unless {@link #initDefaults()}
     * ran (so in-process tests leave the JVM's settings alone).
     */
    static synchronized void verbose() {
        if (managed) {
            System.setProperty(EBBFLOW_KEY, "info");
        }
    }
}
