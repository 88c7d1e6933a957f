package org.almoner.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.platform.ledger.Reconciliation;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner reconcile}: recompute every balance from the postings and check the hash chains. */
@Command(
        name = "reconcile",
        header = "Check the budget ledger: balances against postings, and the hash chain over them.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Recomputes every budget account's balance from its postings and reports any drift (there must be",
            "none), checks every transaction nets to zero, and walks each budget's hash chain, which breaks if",
            "any posted transaction was edited or removed. Exit code 0 when clean, 65 when anything is wrong.",
            "Run it on the embedded database while the platform is stopped, or on a PostgreSQL server at any",
            "time (a running platform also answers GET /api/ledger/reconciliation to auditors).",
        },
        footer = {"", "Examples:", "  almoner reconcile", "  almoner reconcile --data-folder demo/platform",
                "  almoner reconcile --database-url jdbc:postgresql://db.example.nhs.uk/almoner --database-user auditor"})
public final class ReconcileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-folder", defaultValue = "almoner-data", paramLabel = "FOLDER",
            description = "The platform's data folder (as given to serve). Default: ${DEFAULT-VALUE}.")
    Path dataFolder;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "A PostgreSQL server instead (password from ALMONER_DATABASE_PASSWORD).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "NAME", description = "User for --database-url.")
    String databaseUser;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Reconciliation.Report report;
        if (databaseUrl != null) {
            PGSimpleDataSource server = new PGSimpleDataSource();
            server.setUrl(databaseUrl);
            if (databaseUser != null) {
                server.setUser(databaseUser);
            }
            String password = System.getenv("ALMONER_DATABASE_PASSWORD");
            if (password != null) {
                server.setPassword(password);
            }
            report = Reconciliation.over(server).run();
        } else {
            Path postgres = dataFolder.resolve("postgres").toAbsolutePath();
            if (!Files.isDirectory(postgres)) {
                throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "There is no platform database in " + postgres
                        + ". Give the --data-folder the platform was started with (the demo's is demo/platform).");
            }
            if (Files.exists(postgres.resolve("postmaster.pid"))) {
                out.println("The database in " + postgres + " may be in use; if the platform is running, stop it first "
                        + "or ask it: GET /api/ledger/reconciliation.");
            }
            // The database's start-up chatter is not for the person reading the reconciliation.
            if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
                zonky.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(postgres).setCleanDataDirectory(false).start()) {
                report = Reconciliation.over(database.getPostgresDatabase()).run();
            }
        }
        print(report, out);
        return report.clean() ? 0 : EngineErrorCode.MALFORMED_INPUT.exitCode();
    }

    static void print(Reconciliation.Report report, PrintWriter out) {
        out.printf(Locale.UK, "Budgets:       %,d%n", report.budgets());
        out.printf(Locale.UK, "Transactions:  %,d%n", report.transactions());
        out.printf(Locale.UK, "Postings:      %,d (summing to %s)%n", report.postings(), report.total().toPlainString());
        section(out, "Balances that drift from their postings", report.drifts());
        section(out, "Transactions that do not net to zero", report.unbalancedTransactions());
        section(out, "Broken hash chains (edited or removed transactions)", report.brokenChains());
        out.println(report.clean() ? "Reconciled: no drift, every transaction balances, every chain is whole."
                : "NOT reconciled: see above. Nothing was changed; keep this output for the investigation.");
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<String> problems) {
        out.println(title + ": " + (problems.isEmpty() ? "none" : problems.size()));
        problems.forEach(problem -> out.println("  " + problem));
    }
}
