package org.ebbflow.cli;

import picocli.CommandLine;

/** The exit codes of every ebbflow command, and their lines for picocli's {@code exitCodeList}. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = CommandLine.ExitCode.OK;
    /** The run failed: an input file is unreadable or malformed, or an internal error occurred. */
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;
    /** The command line is invalid: unknown option, missing or bad value, invalid topology spec. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    /** Help line for {@link #OK}. */
    public static final String OK_LINE = "0:Success.";
    /** Help line for {@link #FAILURE}. */
    public static final String FAILURE_LINE = "1:The run failed: unreadable or malformed input file, internal error.";
    /** Help line for {@link #USAGE}. */
    public static final String USAGE_LINE = "2:Invalid command line: unknown option, bad value, invalid topology spec.";
    /** Heading of the exit-code section in help texts. */
    public static final String HEADING = "%nExit codes:%n";

    private ExitCodes() {
    }
}
