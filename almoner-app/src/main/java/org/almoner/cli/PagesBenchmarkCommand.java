package org.almoner.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.almoner.engine.console.Progress;
import org.almoner.engine.identity.NhsNumber;
import org.almoner.platform.PlatformApplication;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.almoner.platform.analysis.AnalysisJob;
import org.almoner.platform.analysis.AnalysisJobs;
import org.almoner.platform.analysis.CohortSummary;
import org.almoner.platform.analysis.CurrentAnalysis;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "benchmark-pages",
        header = "Measure how fast the platform's pages open for a large population (p50 and p95 per page).",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Starts the platform on a fresh embedded PostgreSQL, loads PEOPLE synthetic people into one",
            "organisation (NHS numbers from the 999 test range only), gives one in a hundred a budget and",
            "reviews, puts a few hundred in a coordinator's caseload, then opens each page REQUESTS times",
            "as a signed-in commissioner, coordinator or approver and prints the median and 95th",
            "percentile time of each. Target: every page under 500 ms at p95 for a million people.",
            "",
            "With --analysis-output it also times the commissioner's analysis pages (cohorts, a cohort with",
            "its equality breakdown, statements of resources and their CSV, capitation, release, the",
            "indicators and the analysis jobs) on the analysis of that pipeline output. The analysis is kept",
            "in FOLDER-analysis beside it; when it is missing, or older than the output, the platform makes",
            "it first (with progress) and later runs reuse it.",
        },
        footer = {"", "Examples:", "  almoner benchmark-pages --people 1000000 --requests 50",
            "  almoner pipeline --in data/input --out data/output --key-file data/northfield.key",
            "  almoner benchmark-pages --people 1000000 --analysis-output data/output"})
public final class PagesBenchmarkCommand implements Callable<Integer> {

    private static final String PASSWORD = "benchmark-password";
    private static final String ORGANISATION = "BENCH";
    private static final int BATCH = 100_000;
    private static final String[] GIVEN_NAMES = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Grace", "Sophia",
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Margaret", "Jean", "Joan",
        "Patricia", "Barbara", "John", "David", "Peter", "Michael", "Robert", "Aisha", "Priya", "Wei", "Tomasz", "Kwame", "Siobhan"};
    private static final String[] FAMILY_NAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke",
        "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Khan", "Begum",
        "Nowak", "Mensah", "Murphy", "Okafor", "Singh", "Chen", "Ali"};

    @Spec
    CommandSpec spec;

    @Option(names = "--people", defaultValue = "1000000", description = "People to load. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--requests", defaultValue = "50", description = "Times each page is opened after warming up. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the synthetic population. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--analysis-output", paramLabel = "FOLDER",
            description = "An `almoner pipeline` output folder: also time the analysis pages on its analysis.")
    Path analysisOutput;

    @Option(names = "--memory-limit", paramLabel = "MB", defaultValue = "2048",
            description = "Memory DuckDB may use when the analysis has to be made, in MB. Default: ${DEFAULT-VALUE}.")
    long memoryLimit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (people < 1 || requests < 1) {
            spec.commandLine().getErr().println("--people and --requests must be at least 1.");
            return 64;
        }
        List<String> arguments = new ArrayList<>();
        if (analysisOutput != null) {
            Path output = analysisOutput.toAbsolutePath().normalize();
            if (!Files.isRegularFile(output.resolve("linked").resolve("activity.parquet"))) {
                spec.commandLine().getErr().println("--analysis-output " + analysisOutput + " is not a pipeline output (it has no"
                        + " linked/activity.parquet): give the --out folder of `almoner pipeline`.");
                return 66;
            }
            arguments.addAll(List.of("--almoner.analytics.output=" + output,
                    "--almoner.analytics.analysis-folder=" + output.resolveSibling(output.getFileName() + "-analysis"),
                    "--almoner.analytics.memory-limit-mb=" + memoryLimit, "--almoner.analytics.analyse-on-start=true"));
        }
        Path data = Files.createTempDirectory("almoner-pages-benchmark");
        int port = freePort();
        arguments.addAll(List.of("--server.port=" + port, "--almoner.embedded-database.directory=" + data.resolve("postgres"),
                "--logging.level.org.almoner=WARN"));
        ConfigurableApplicationContext platform = PlatformApplication.start(arguments.toArray(String[]::new));
        try {
            Optional<AnalysisJob> analysed = Optional.empty();
            if (analysisOutput != null) {
                analysed = awaitTheAnalysis(platform, out);
                if (analysed.isPresent() && analysed.get().state() == AnalysisJob.State.FAILED) {
                    spec.commandLine().getErr().println("The analysis of " + analysisOutput + " did not finish: " + analysed.get().message());
                    return 65;
                }
            }
            Accounts accounts = platform.getBean(Accounts.class);
            for (Role role : List.of(Role.COMMISSIONER, Role.COORDINATOR, Role.APPROVER)) {
                accounts.create(new NewAccount(username(role), "Benchmark " + role, PASSWORD, role, ORGANISATION, Optional.empty()));
            }
            SignedInClient commissioner = new SignedInClient(port, username(Role.COMMISSIONER), PASSWORD);
            SignedInClient coordinator = new SignedInClient(port, username(Role.COORDINATOR), PASSWORD);
            SignedInClient approver = new SignedInClient(port, username(Role.APPROVER), PASSWORD);
            // A real budget, taken through every step by the API, is the pattern the loaded budgets copy.
            String template = coordinator.activeBudget(approver);
            EmbeddedPostgres postgres = platform.getBean(EmbeddedPostgres.class);
            UUID coordinatorAccount = accounts.find(username(Role.COORDINATOR)).orElseThrow().id();
            long started = System.nanoTime();
            load(postgres, UUID.fromString(template), coordinatorAccount);
            out.printf(Locale.UK, "Loaded %,d people in %.0f s.%n%n", people, (System.nanoTime() - started) / 1e9);

            String somebody;
            try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
                    var row = statement.executeQuery("SELECT id FROM people WHERE created_by = 'benchmark' ORDER BY id LIMIT 1 OFFSET "
                            + (people / 2))) {
                row.next();
                somebody = row.getString(1);
            }
            Map<String, Timed> pages = new LinkedHashMap<>();
            pages.put("caseload, commissioner (first page)", new Timed(commissioner, "/people"));
            pages.put("caseload, page 2,000", new Timed(commissioner, "/people?page=2000"));
            pages.put("caseload, search a name", new Timed(commissioner, "/people?search=okafor"));
            pages.put("caseload, search an NHS number", new Timed(commissioner, "/people?search=9990004"));
            pages.put("caseload, active budgets", new Timed(commissioner, "/people?budget=ACTIVE"));
            pages.put("caseload, coordinator", new Timed(coordinator, "/people"));
            pages.put("a person's record", new Timed(commissioner, "/people/" + somebody));
            pages.put("a budget", new Timed(coordinator, "/budgets/" + template));
            pages.put("approvals", new Timed(approver, "/approvals"));
            pages.put("reviews", new Timed(coordinator, "/reviews"));
            pages.put("overview", new Timed(commissioner, "/overview"));
            pages.put("indicators", new Timed(commissioner, "/indicators"));
            pages.put("national return", new Timed(commissioner, "/national-return"));
            if (analysisOutput != null) {
                pages.putAll(analysisPages(platform.getBean(CurrentAnalysis.class), commissioner, analysed));
            }
            out.printf(Locale.UK, "%-40s %8s %8s %8s %8s  %s%n", "page", "first ms", "p50 ms", "p95 ms", "max ms", "status");
            for (Map.Entry<String, Timed> page : pages.entrySet()) {
                page.getValue().measure(requests).print(out, page.getKey());
                out.flush();
            }
            out.println();
            out.println("Target: p95 under 500 ms for every page at a million people.");
            return 0;
        } finally {
            platform.close();
            delete(data);
        }
    }

    /** Removes the benchmark's database (a million people's is some gigabytes); a file left behind loses nothing. */
    private static void delete(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (java.io.IOException e) {
            // See above.
        }
    }

    /**
     * Waits for the analysis the platform starts by itself when the output has none yet (or a stale one), drawing its
     * progress; returns that job, or empty when the analysis already there was reused.
     */
    private Optional<AnalysisJob> awaitTheAnalysis(ConfigurableApplicationContext platform, PrintWriter out) throws InterruptedException {
        AnalysisJobs jobs = platform.getBean(AnalysisJobs.class);
        List<AnalysisJob> started = jobs.recent(ORGANISATION);
        if (started.isEmpty()) {
            out.printf(Locale.UK, "Using the analysis of %s made %s.%n", analysisOutput,
                    platform.getBean(CurrentAnalysis.class).info().map(info -> info.finishedAt().toString()).orElse("before"));
            return Optional.empty();
        }
        AnalysisJob job = started.getFirst();
        long began = System.nanoTime();
        try (Progress progress = Progress.start("Analysing " + analysisOutput.getFileName(), 100, "%")) {
            while (job.inProgress()) {
                Thread.sleep(1000);
                job = jobs.find(job.id(), ORGANISATION).orElseThrow();
                progress.update(job.percentDone());
            }
            progress.update(100);
        }
        out.printf(Locale.UK, "Analysed %s in %.0f s: %s%n", analysisOutput, (System.nanoTime() - began) / 1e9, job.message());
        return Optional.of(job);
    }

    /** Every commissioner page over the analysis: the largest cohort and its statement stand for the rest. */
    private static Map<String, Timed> analysisPages(CurrentAnalysis analysis, SignedInClient commissioner, Optional<AnalysisJob> job) {
        Map<String, Timed> pages = new LinkedHashMap<>();
        List<String> years = analysis.financialYears();
        pages.put("cohorts", new Timed(commissioner, "/cohorts"));
        if (years.size() > 1) {
            pages.put("cohorts, earliest year", new Timed(commissioner, "/cohorts?year=" + years.getLast()));
        }
        analysis.cohorts(years.getFirst()).stream().max(java.util.Comparator.comparingLong(CohortSummary::people)).ifPresent(largest -> {
            pages.put("a cohort (largest), equality breakdown", new Timed(commissioner, "/cohorts/" + largest.cohortId()));
            pages.put("a cohort, providers page 2", new Timed(commissioner, "/cohorts/" + largest.cohortId() + "?page=1"));
        });
        Map<String, List<String>> statements = analysis.statementCohortsAndBands();
        pages.put("statements (first cohort)", new Timed(commissioner, "/statements"));
        statements.entrySet().stream().max(java.util.Comparator.comparingLong(entry -> analysis.systemStatement(entry.getKey(), null, 0, 1)
                .totalRows())).ifPresent(largest -> {
                    String cohort = "cohort=" + encoded(largest.getKey());
                    pages.put("statements, largest cohort", new Timed(commissioner, "/statements?" + cohort));
                    pages.put("statements, one band of need", new Timed(commissioner, "/statements?" + cohort + "&band="
                            + encoded(largest.getValue().getFirst())));
                    pages.put("statement CSV, largest cohort", new Timed(commissioner, "/statements.csv?" + cohort));
                });
        pages.put("capitation", new Timed(commissioner, "/capitation"));
        pages.put("release", new Timed(commissioner, "/release"));
        pages.put("indicators", new Timed(commissioner, "/indicators"));
        pages.put("analysis", new Timed(commissioner, "/analysis"));
        job.ifPresent(finished -> {
            pages.put("an analysis job", new Timed(commissioner, "/analysis/jobs/" + finished.id()));
            pages.put("an analysis job's progress", new Timed(commissioner, "/analysis/jobs/" + finished.id() + "/progress"));
        });
        return pages;
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String username(Role role) {
        return "bench." + role.name().toLowerCase(Locale.ROOT);
    }

    /** Loads the people with COPY, then budgets, reviews and a caseload by set-based SQL, and analyses the tables. */
    private void load(EmbeddedPostgres postgres, UUID template, UUID coordinatorAccount) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Progress progress = Progress.start("Loading people", people, "people")) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            int stem = 0;
            LocalDate earliest = LocalDate.of(1925, 1, 1);
            for (int first = 0; first < people; first += BATCH) {
                StringBuilder rows = new StringBuilder(BATCH * 120);
                int last = Math.min(people, first + BATCH);
                for (int index = first; index < last; index++) {
                    String nhsNumber = "";
                    while (stem < 1_000_000 && nhsNumber.isEmpty()) {
                        nhsNumber = NhsNumber.testRangeNumber(stem++).map(NhsNumber::value).orElse("");
                    }
                    rows.append(new UUID(random.nextLong(), random.nextLong())).append(',')
                            .append(nhsNumber).append(',')
                            .append(GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]).append(',')
                            .append(FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)]).append(',')
                            .append(earliest.plusDays(random.nextInt(365 * 99))).append(',')
                            .append(random.nextBoolean() ? '1' : '2').append(",NF")
                            .append(1 + random.nextInt(9)).append(' ').append(random.nextInt(10)).append("AB,")
                            .append(ORGANISATION).append(",,benchmark,2026-01-01T00:00:00Z\n");
                }
                copy.copyIn("""
                        COPY people (id, nhs_number, given_name, family_name, date_of_birth, sex, postcode, responsible_organisation,
                                     analytics_pseudonym, created_by, created_at) FROM STDIN (FORMAT csv)""", new StringReader(rows.toString()));
                progress.advance(last - first);
            }
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.%d)".formatted(Math.floorMod(seed, 1000)));
            // One person in a hundred has a budget like the template (some ten times the share of people
            // who hold a personal health budget today): most active, a few still indicative or waiting
            // for a decision.
            statement.execute("""
                    CREATE TEMPORARY TABLE with_budget AS
                    SELECT person_id, gen_random_uuid() AS budget_id,
                           CASE WHEN draw < 0.87 THEN 'ACTIVE' WHEN draw < 0.97 THEN 'INDICATIVE' ELSE 'AWAITING_APPROVAL' END AS status
                    FROM (SELECT id AS person_id, random() AS draw FROM people WHERE created_by = 'benchmark' AND random() < 0.01) drawn""");
            String columns = columnsOf(statement, "budgets", List.of("id", "person_id", "status"));
            statement.execute("INSERT INTO budgets (id, person_id, status, " + columns + ") SELECT w.budget_id, w.person_id, w.status, "
                    + prefixed(columns, "t.") + " FROM with_budget w CROSS JOIN budgets t WHERE t.id = '" + template + "'");
            statement.execute("""
                    INSERT INTO reviews (id, person_id, budget_id, kind, due_on, includes_financial_review)
                    SELECT gen_random_uuid(), person_id, budget_id, 'ANNUAL', current_date + (floor(random() * 400)::int - 60), true
                    FROM with_budget WHERE status = 'ACTIVE'""");
            statement.execute("""
                    INSERT INTO care_team (person_id, account_id, added_at)
                    SELECT id, '%s', now() FROM people WHERE created_by = 'benchmark' ORDER BY random() LIMIT 300""".formatted(coordinatorAccount));
            // As a database in use would be: statistics gathered and the visibility map set.
            statement.execute("VACUUM ANALYZE");
        }
    }

    private static String columnsOf(Statement statement, String table, List<String> except) throws Exception {
        List<String> columns = new ArrayList<>();
        try (var rows = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position")) {
            while (rows.next()) {
                if (!except.contains(rows.getString(1))) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return String.join(", ", columns);
    }

    private static String prefixed(String columns, String prefix) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    /** One page opened by one signed-in client, again and again. */
    private record Timed(SignedInClient client, String path) {

        Measured measure(int times) {
            long first = System.nanoTime();
            int status = status(200);
            long firstMicros = (System.nanoTime() - first) / 1000;
            for (int warm = 1; warm < 5; warm++) {
                status = status(status);
            }
            List<Long> micros = new ArrayList<>();
            for (int time = 0; time < times; time++) {
                long sent = System.nanoTime();
                status = status(status);
                micros.add((System.nanoTime() - sent) / 1000);
            }
            return new Measured(firstMicros, micros.stream().sorted().toList(), status);
        }

        /** Opens the page once; the status to report stays the first that was not 200 (0 for an answer cut short). */
        private int status(int sofar) {
            int status;
            try {
                status = client.get(path).statusCode();
            } catch (java.io.UncheckedIOException broken) {
                status = 0;
            }
            return sofar != 200 ? sofar : status;
        }
    }

    /** The first request's time (before warming up: what the first person to open the page after a start waits) and the rest's. */
    private record Measured(long firstMicros, List<Long> sortedMicros, int lastStatus) {

        void print(PrintWriter out, String page) {
            out.printf(Locale.UK, "%-40s %8.1f %8.1f %8.1f %8.1f  %d%n", page, firstMicros / 1000.0, percentile(0.50) / 1000.0,
                    percentile(0.95) / 1000.0, sortedMicros.getLast() / 1000.0, lastStatus);
        }

        private long percentile(double share) {
            return sortedMicros.get(Math.min(sortedMicros.size() - 1, (int) Math.ceil(share * sortedMicros.size()) - 1));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
