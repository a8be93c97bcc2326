package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class ErrorReportTest {
    @Test
    void badValuesAreUsageErrorsAndTheRestRunFailures() {
        assertEquals(2, ErrorReport.exitCode(new IllegalArgumentException("x")));
        assertEquals(1, ErrorReport.exitCode(new IllegalStateException("x")));
        assertEquals(1, ErrorReport.exitCode(new UncheckedIOException(new FileNotFoundException("f"))));
    }

    @Test
    void messagesAreOneLineWithContextForTheUnexpected() {
        assertEquals("I/O error: FileNotFoundException: /x (denied)",
                ErrorReport.message(new UncheckedIOException(new FileNotFoundException("/x (denied)")), false));
        assertEquals("internal error: NullPointerException (run with --verbose for the stack trace)",
                ErrorReport.message(new NullPointerException(), false));
        assertEquals("internal error: IllegalStateException: odd", ErrorReport.message(
                new IllegalStateException("odd"), true));
        assertEquals("a b c", ErrorReport.oneLine("a\n  b\r\nc\n"));
    }

    @Test
    void reportPrintsOneLine() {
        StringWriter err = new StringWriter();
        int code = ErrorReport.report(new IllegalArgumentException("bad\nvalue"), false, new PrintWriter(err));
        assertEquals(2, code);
        assertEquals("ebbflow: error: bad value" + System.lineSeparator(), err.toString());
    }
}
