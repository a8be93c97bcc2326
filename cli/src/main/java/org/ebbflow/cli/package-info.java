/**
 * The {@code ebbflow} command line: a thin picocli layer over the library. {@link org.ebbflow.cli.EbbflowCommand} is
 * the entry point; each subcommand extends {@link org.ebbflow.cli.EbbflowSubcommand}, which turns failures into one
 * {@code ebbflow: error: ...} line and an exit code ({@link org.ebbflow.cli.ExitCodes}). Results go to stdout, logs
 * and errors to stderr; {@code --json} ({@link org.ebbflow.cli.JsonOutput}) prints one JSON object.
 */
package org.ebbflow.cli;
