package org.ebbflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.ebbflow.predictor.data.DataFormatException;
import org.ebbflow.predictor.learned.ModelFileException;
import org.ebbflow.topology.io.TopologyFormatException;

/**
 * Turns an exception from a command into one {@code ebbflow: error: <message>} line on stderr and an exit code:
 * {@link ExitCodes#USAGE} for invalid input named on the command line ({@link IllegalArgumentException}, which
 * includes topology and data spec errors), {@link ExitCodes#FAILURE} for everything else (a malformed topology,
 * data or model file prints its own message). The stack trace follows only when verbose.
 */
final class ErrorReport {
    /** Every error line starts with this. */
    static final String PREFIX = "ebbflow: error: ";

    private ErrorReport() {
    }

    /**
     * @param e what went wrong
     * @param verbose whether to print the stack trace after the line
     * @param err the command's stderr
     * @return the exit code
     */
    static int report(Exception e, boolean verbose, PrintWriter err) {
        err.println(PREFIX + oneLine(message(e, verbose)));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    /** @return {@link ExitCodes#USAGE} for bad input values, {@link ExitCodes#FAILURE} otherwise */
    static int exitCode(Exception e) {
        return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    /** @return the text after the prefix: the message of expected failures, more context for unexpected ones */
    static String message(Exception e, boolean verbose) {
        if (e instanceof IllegalArgumentException || e instanceof TopologyFormatException
                || e instanceof DataFormatException || e instanceof ModelFileException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
            return "I/O error: " + describe(io);
        }
        return "internal error: " + describe(e) + (verbose ? "" : " (run with --verbose for the stack trace)");
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** @return the text with line breaks and the blanks around them folded into one space */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
