package org.ebbflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ebbflow} command: global options and the subcommands. Results go to stdout; logs (SLF4J, WARN unless
 * {@code --verbose}) and errors go to stderr.
 */
@Command(name = "ebbflow", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Prediction-driven, energy-aware SDN control for container networks.",
        subcommands = {TopologyCommand.class, TrainCommand.class, EvaluateCommand.class, PlanCommand.class,
                SimulateCommand.class, DemoCommand.class, ControllerCommand.class, MininetCommand.class,
                ServeModelCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class EbbflowCommand implements Runnable {
    /** Name of the option that makes errors print their stack trace and ebbflow log at INFO. */
    public static final String VERBOSE = "--verbose";

    @Spec
    private CommandSpec spec;

    private boolean verbose;

    /** Creates the command; run it with {@code new CommandLine(new EbbflowCommand()).execute(args)}. */
    public EbbflowCommand() {
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        LogLevels.initDefaults();
        System.exit(new CommandLine(new EbbflowCommand()).execute(args));
    }

    @Option(names = {"-v", VERBOSE}, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors and log at INFO.")
    void setVerbose(boolean value) {
        verbose = value;
        if (value) {
            LogLevels.verbose();
        }
    }

    /** @return whether {@code --verbose} was given */
    public boolean isVerbose() {
        return verbose;
    }

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
