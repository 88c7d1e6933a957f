package org.almoner.cli;

import java.io.PrintWriter;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.benchmark.BenchmarkCommand;
import org.almoner.engine.capitation.CapitationCommand;
import org.almoner.engine.cohorts.CohortCommand;
import org.almoner.engine.statements.StatementCommand;
import org.almoner.engine.stratification.StratifyCommand;
import org.almoner.engine.release.ReleaseCommand;
import org.almoner.engine.fhir.FhirImportCommand;
import org.almoner.engine.generator.GenerateCommand;
import org.almoner.engine.linkage.LinkCommand;
import org.almoner.engine.pipeline.PipelineCommand;
import org.almoner.engine.pseudonymisation.KeyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code almoner} command: parses arguments, runs a subcommand, maps failures to exit codes. */
@Command(
        name = "almoner",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = AlmonerVersion.class,
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            ReconcileCommand.class,
            LedgerBenchmarkCommand.class,
            PagesBenchmarkCommand.class,
            GenerateCommand.class,
            PipelineCommand.class,
            KeyCommand.class,
            FhirImportCommand.class,
            BenchmarkCommand.class,
            CapitationCommand.class,
            ReleaseCommand.class,
            StratifyCommand.class,
            CohortCommand.class,
            StatementCommand.class,
            LinkCommand.class,
            CommandLine.HelpCommand.class,
        },
        description = {
            "Integrated personal commissioning for health and care.",
            "",
            "Build a person-level linked data set of health and care activity,",
            "check its quality, pseudonymise and cost it, ready for cohorts,",
            "statements of resources and budgets.",
        },
        footer = {
            "",
            "Start here:",
            "  almoner demo            everything below on 10,000 synthetic people, then the platform",
            "  almoner serve           the platform for personal health budget teams",
            "  almoner generate --people 10000 --out data/input",
            "  almoner key --out data/area.key",
            "  almoner pipeline --in data/input --out data/output \\",
            "      --key-file data/area.key",
            "",
            "Run 'almoner help COMMAND' for a command's options and examples.",
            "Exit codes: 0 done, 64 bad usage, 65 bad input data, 66 input not found,",
            "70 internal error, 71 not enough memory, 73 cannot write output,",
            "78 bad configuration or key.",
        })
public final class Almoner implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting, for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, writing to the process's standard streams. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Almoner());
        commandLine.setExecutionExceptionHandler(Almoner::handleFailure);
        commandLine.setParameterExceptionHandler(Almoner::handleBadUsage);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (failure instanceof EngineException engineFailure) {
            err.println("almoner: " + engineFailure.getMessage());
            err.println("(error " + engineFailure.code() + ")");
            err.flush();
            return engineFailure.code().exitCode();
        }
        // Not the user's doing: say so plainly, and keep the detail for a bug report.
        err.println("almoner: something went wrong inside Almoner (" + failure.getClass().getSimpleName() + ": "
                + failure.getMessage() + ").");
        err.println("This is a fault in Almoner, not in your data. Please report it with the command you ran;"
                + " set ALMONER_DEBUG=1 to print the details.");
        if (System.getenv("ALMONER_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        err.println("(error " + EngineErrorCode.INTERNAL + ")");
        err.flush();
        return EngineErrorCode.INTERNAL.exitCode();
    }

    private static int handleBadUsage(CommandLine.ParameterException failure, String[] args) {
        CommandLine commandLine = failure.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("almoner: " + failure.getMessage());
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' to see the options.");
        err.flush();
        return EngineErrorCode.BAD_ARGUMENT.exitCode();
    }
}
