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
        },
        footer = {"", "Example:", "  almoner benchmark-pages --people 1000000 --requests 50"})
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (people < 1 || requests < 1) {
            spec.commandLine().getErr().println("--people and --requests must be at least 1.");
            return 64;
        }
        Path data = Files.createTempDirectory("almoner-pages-benchmark");
        int port = freePort();
        ConfigurableApplicationContext platform = PlatformApplication.start("--server.port=" + port,
                "--almoner.embedded-database.directory=" + data.resolve("postgres"), "--logging.level.org.almoner=WARN");
        try {
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
            pages.put("national return", new Timed(commissioner, "/national-return"));
            out.printf(Locale.UK, "%-40s %8s %8s %8s  %s%n", "page", "p50 ms", "p95 ms", "max ms", "status");
            for (Map.Entry<String, Timed> page : pages.entrySet()) {
                page.getValue().measure(requests).print(out, page.getKey());
                out.flush();
            }
            out.println();
            out.println("Target: p95 under 500 ms for every page at a million people.");
            return 0;
        } finally {
            platform.close();
        }
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
            for (int warm = 0; warm < 5; warm++) {
                client.get(path);
            }
            List<Long> micros = new ArrayList<>();
            int status = 0;
            for (int time = 0; time < times; time++) {
                long sent = System.nanoTime();
                status = client.get(path).statusCode();
                micros.add((System.nanoTime() - sent) / 1000);
            }
            return new Measured(micros.stream().sorted().toList(), status);
        }
    }

    private record Measured(List<Long> sortedMicros, int lastStatus) {

        void print(PrintWriter out, String page) {
            out.printf(Locale.UK, "%-40s %8.1f %8.1f %8.1f  %d%n", page, percentile(0.50) / 1000.0, percentile(0.95) / 1000.0,
                    sortedMicros.getLast() / 1000.0, lastStatus);
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
