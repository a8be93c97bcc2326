package org.ebbflow.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of every ebbflow subcommand: standard help and version options, the exit-code list, and one place that turns
 * failures into an {@code ebbflow: error: ...} line (see {@link ErrorReport}). Subclasses implement {@link #execute()}
 * and print results with {@link #out()} only.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public abstract class EbbflowSubcommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /**
     * Does the command's work.
     *
     * @return the exit code, normally {@link ExitCodes#OK}
     * @throws Exception any failure; {@link #call()} reports it
     */
    protected abstract int execute() throws Exception;

    /**
     * Runs {@link #execute()}; picocli parameter errors pass through to picocli, other exceptions become one error
     * line on stderr (plus the stack trace with {@code --verbose}) and a non-zero exit code.
     */
    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            return ErrorReport.report(e, verbose(), err());
        }
    }

    /** @return the command's stdout, for results */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return the command's stderr, for messages to the user that are not results */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** @return this command's model, e.g. to throw a {@link ParameterException} */
    protected final CommandSpec spec() {
        return spec;
    }

    /** @return a logger for this command; call it while executing so {@code --verbose} applies */
    protected final Logger log() {
        return LoggerFactory.getLogger(getClass());
    }

    /** @return whether the inherited {@code --verbose} option was given */
    protected final boolean verbose() {
        OptionSpec option = spec.findOption(EbbflowCommand.VERBOSE);
        return option != null && Boolean.TRUE.equals(option.getValue());
    }
}
