package org.almoner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner serve}: the platform for personal health budget teams. */
@Command(
        name = "serve",
        header = "Start the platform: people, referrals, plans, budgets and reviews over PostgreSQL.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Starts the platform's web service and API. Without --database-url it starts its own PostgreSQL",
            "and keeps the data in --data-folder, so nothing needs installing. In production, point it at",
            "any PostgreSQL 15 or newer with --database-url (the schema is created and upgraded on start).",
            "Every request but /actuator/health needs a sign-in.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner serve",
            "  almoner serve --port 9090 --analytics-output data/output",
            "  almoner serve --database-url jdbc:postgresql://db.example.nhs.uk/almoner --database-user almoner",
            "      (the password is read from ALMONER_DATABASE_PASSWORD)",
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port to listen on. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-folder", defaultValue = "almoner-data", paramLabel = "FOLDER",
            description = "Where the embedded PostgreSQL keeps its data. Default: ${DEFAULT-VALUE}.")
    Path dataFolder;

    @Option(names = "--analytics-output", paramLabel = "FOLDER",
            description = "A pipeline output folder: indicative budgets are read from its statements of resources.")
    Path analyticsOutput;

    @Option(names = "--statement-rules", paramLabel = "FILE",
            description = "The area's statement rules (YAML, as for almoner statement --rules). Default: the built-in rules.")
    Path statementRules;

    @Option(names = "--analytics-key-file", paramLabel = "FILE",
            description = "The pseudonymisation key the pipeline used: people recorded with an NHS number are linked to their analytics record.")
    Path analyticsKeyFile;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "A PostgreSQL 15+ server to use instead of the embedded one.")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "NAME", description = "User for --database-url.")
    String databaseUser;

    @Option(names = "--administrator", paramLabel = "USERNAME",
            description = "Open this administrator account on start if it does not exist; the password is read from ALMONER_ADMINISTRATOR_PASSWORD (12 characters or more).")
    String administrator;

    @Override
    public Integer call() {
        List<String> properties = new ArrayList<>();
        if (databaseUrl != null) {
            properties.add("spring.datasource.url=" + databaseUrl);
            if (databaseUser != null) {
                properties.add("spring.datasource.username=" + databaseUser);
            }
            String password = System.getenv("ALMONER_DATABASE_PASSWORD");
            if (password != null) {
                properties.add("spring.datasource.password=" + password);
            }
        } else {
            properties.add("almoner.embedded-database.directory=" + dataFolder.resolve("postgres").toAbsolutePath());
        }
        if (statementRules != null) {
            properties.add("almoner.analytics.statement-rules=" + statementRules.toAbsolutePath());
        }
        if (analyticsKeyFile != null) {
            properties.add("almoner.analytics.key-file=" + analyticsKeyFile.toAbsolutePath());
        }
        if (analyticsOutput != null) {
            properties.add("almoner.analytics.output=" + analyticsOutput.toAbsolutePath());
        }
        if (administrator != null) {
            properties.add("almoner.bootstrap.administrator=" + administrator);
        }
        return Platform.serve(port, properties, spec.commandLine().getOut(), List.of(
                "Sign in with an account an administrator gave you; the first administrator comes from --administrator."));
    }
}
