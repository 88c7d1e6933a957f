package org.almoner.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.almoner.platform.PlatformApplication;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.ApiAdmission;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner benchmark-ledger}: payments through the REST API under concurrent clients, beside pgbench. */
@Command(
        name = "benchmark-ledger",
        header = "Measure payments through the API: postings a second, latency, and pgbench on the same PostgreSQL.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Starts the platform on a fresh durable embedded PostgreSQL, sets up budgets, then has CLIENTS",
            "clients pay providers through the REST API for SECONDS seconds, each client keeping its session.",
            "Reports payments and postings a second and p50/p99 latency; runs pgbench's built-in TPC-B-like",
            "script on the same PostgreSQL for a ratio; then doubles the clients to show the platform answers",
            "'busy' quickly rather than letting requests time out.",
        },
        footer = {"", "Example:", "  almoner benchmark-ledger --clients 32 --seconds 30"})
public final class LedgerBenchmarkCommand implements Callable<Integer> {

    private static final String PASSWORD = "benchmark-password";

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent API clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "How long each measured run lasts. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--budgets", defaultValue = "64", description = "Budgets the payments spread over. Default: ${DEFAULT-VALUE}.")
    int budgets;

    @Option(names = "--warm-up", paramLabel = "PAYMENTS", defaultValue = "10000",
            description = {"Payments before the measured runs, unmeasured (at most 2 minutes of them). Default: ${DEFAULT-VALUE}."})
    long warmUp;

    @Option(names = "--profile", paramLabel = "FILE", description = {"Also record the measured run with Java Flight Recorder into FILE",
            "(open it in JDK Mission Control, or read it with 'jfr print --events jdk.ExecutionSample FILE')."})
    Path profile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("almoner-ledger-benchmark");
        int port = freePort();
        ConfigurableApplicationContext platform = PlatformApplication.start("--server.port=" + port,
                "--almoner.embedded-database.directory=" + data.resolve("postgres"), "--logging.level.org.almoner=WARN",
                "--server.tomcat.threads.max=100", "--almoner.embedded-database.pool-size=16",
                "--almoner.embedded-database.statement-statistics=true");
        try {
            Accounts accounts = platform.getBean(Accounts.class);
            accounts.create(new NewAccount("bench.coordinator", "Benchmark", PASSWORD, Role.COORDINATOR, "BENCH", Optional.empty()));
            accounts.create(new NewAccount("bench.approver", "Benchmark", PASSWORD, Role.APPROVER, "BENCH", Optional.empty()));
            ApiAdmission admission = platform.getBean(ApiAdmission.class);
            out.printf(Locale.UK, "The platform works on %d API requests at once and queues the rest for up to %d ms"
                    + " (almoner.load.max-in-flight, almoner.load.wait-millis).%n", admission.atOnce(), admission.longestWait().toMillis());
            out.printf(Locale.UK, "Setting up %d active budgets...%n", budgets);
            out.flush();
            SignedInClient setup = new SignedInClient(port, "bench.coordinator", PASSWORD);
            SignedInClient approver = new SignedInClient(port, "bench.approver", PASSWORD);
            List<String> ids = new ArrayList<>();
            for (int index = 0; index < budgets; index++) {
                ids.add(setup.activeBudget(approver));
            }
            // Each client signs in once and keeps its session, as an integration would; the password check
            // is slow on purpose, so it is left out of the measured runs.
            List<SignedInClient> signedIn = signIn(port, clients * 2);
            ProcessorTime processor = new ProcessorTime(data.resolve("postgres"));
            // Enough payments for the JIT compiler to finish with the payment path (its thresholds count
            // calls, not seconds): compiling takes the same two cores, so a short warm-up leaves it running
            // through the measured run, which then shows the compiler's processor time as the platform's.
            out.printf(Locale.UK, "Warming up with %,d payments...%n", warmUp);
            out.flush();
            run(ids, signedIn.subList(0, clients), 120, warmUp, processor);
            EmbeddedPostgres postgres = platform.getBean(EmbeddedPostgres.class);
            StatementStatistics statements = new StatementStatistics(postgres);
            statements.reset();
            Recording recording = profile == null ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.setDestination(profile);
                recording.start();
            }
            Result measured = run(ids, signedIn.subList(0, clients), seconds, Long.MAX_VALUE, processor);
            if (recording != null) {
                // Stopping writes the recording to its destination.
                recording.stop();
                recording.close();
            }
            out.printf(Locale.UK, "%nLedger through the API, %d clients, %d s:%n", clients, seconds);
            measured.print(out);
            if (profile != null) {
                out.printf(Locale.UK, "  profile of this run: %s%n", profile);
            }
            statements.print(out, measured.payments());
            double tps = pgbench(postgres, out);
            if (tps > 0) {
                out.printf(Locale.UK, "pgbench TPC-B-like, %d clients, same PostgreSQL: %.0f transactions/s%n", clients, tps);
                out.printf(Locale.UK, "Ratio (payments/s over pgbench TPS): %.2f  (target >= 0.3)%n", measured.paymentsPerSecond() / tps);
            }
            Result overload = run(ids, signedIn, Math.max(10, seconds / 2), Long.MAX_VALUE, processor);
            out.printf(Locale.UK, "%nAt twice the load (%d clients):%n", clients * 2);
            overload.print(out);
            out.flush();
            return 0;
        } finally {
            platform.close();
        }
    }

    /** Processor time over a run: the whole JVM's, the benchmark's client threads' within it, and PostgreSQL's. */
    private record Processor(long jvmNanos, long clientNanos, long postgresNanos, long compilingMillis, long compilerNanos,
            long collectorNanos) {}

    private record Result(long payments, long busy, long other, double seconds, List<Long> latenciesMicros, Processor processor,
            String collectorPauses) {
        double paymentsPerSecond() {
            return payments / seconds;
        }

        void print(PrintWriter out) {
            List<Long> sorted = latenciesMicros.stream().sorted().toList();
            out.printf(Locale.UK, "  payments: %,d (%.0f/s), postings: %.0f/s  (target >= 1,000)%n", payments, paymentsPerSecond(),
                    paymentsPerSecond() * 2);
            out.printf(Locale.UK, "  answered busy (503): %,d, other answers: %,d%n", busy, other);
            if (!sorted.isEmpty()) {
                out.printf(Locale.UK, "  latency p50 %.1f ms, p99 %.1f ms, max %.1f ms  (target p99 < 100 ms)%n",
                        percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0, sorted.getLast() / 1000.0);
            }
            long platform = processor.jvmNanos() < 0 ? -1 : processor.jvmNanos() - processor.clientNanos();
            out.printf(Locale.UK, "  processor per payment: platform %s (JVM %s less the benchmark clients' %s), PostgreSQL %s%n",
                    ProcessorTime.perPayment(platform, payments), ProcessorTime.perPayment(processor.jvmNanos(), payments),
                    ProcessorTime.perPayment(processor.clientNanos(), payments), ProcessorTime.perPayment(processor.postgresNanos(), payments));
            if (platform >= 0 && processor.compilerNanos() >= 0 && processor.collectorNanos() >= 0) {
                // The JIT compiler's share falls to nothing once it is done, however long that takes on a loaded
                // machine, so the platform less it is what compares between runs.
                out.printf(Locale.UK, "  of the platform's: JIT compiler threads %s, garbage collector threads %s; the rest %s%n",
                        ProcessorTime.perPayment(processor.compilerNanos(), payments), ProcessorTime.perPayment(processor.collectorNanos(), payments),
                        ProcessorTime.perPayment(platform - processor.compilerNanos() - processor.collectorNanos(), payments));
            }
            out.printf(Locale.UK, "  garbage collector: %s%n", collectorPauses);
            if (processor.compilingMillis() >= 0) {
                // The JVM reports the compiler's elapsed time, not its processor time, so this is not a share of the
                // platform's figure; a large value still means the JIT was not done when measuring began.
                out.printf(Locale.UK, "  JIT compiler busy during the run (elapsed, not processor time): %s%n", ProcessorTime.perPayment(processor.compilingMillis() * 1_000_000, payments));
            }
        }

        private static long percentile(List<Long> sorted, double share) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
        }
    }

    private static List<SignedInClient> signIn(int port, int count) throws Exception {
        List<SignedInClient> signedIn = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<SignedInClient>> clients = new ArrayList<>();
            for (int client = 0; client < count; client++) {
                clients.add(pool.submit(() -> {
                    SignedInClient coordinator = new SignedInClient(port, "bench.coordinator", PASSWORD);
                    coordinator.get("/api/me");
                    return coordinator;
                }));
            }
            for (java.util.concurrent.Future<SignedInClient> client : clients) {
                signedIn.add(client.get());
            }
        }
        return signedIn;
    }

    private Result run(List<String> ids, List<SignedInClient> signedIn, int duration, long enough, ProcessorTime processor)
            throws Exception {
        int clientCount = signedIn.size();
        AtomicLong paid = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong clientNanos = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long jvmBefore = ProcessorTime.jvmNanos();
        long compilingBefore = ProcessorTime.compilingMillis();
        long compilerBefore = ProcessorTime.jvmThreadNanos(ProcessorTime.JvmThreads.JIT_COMPILER);
        long collectorBefore = ProcessorTime.jvmThreadNanos(ProcessorTime.JvmThreads.GARBAGE_COLLECTOR);
        long postgresBefore = processor.postgresNanos();
        long end = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
        long start = System.nanoTime();
        CollectorPauses pauses = new CollectorPauses();
        try (pauses; ExecutorService pool = Executors.newFixedThreadPool(clientCount)) {
            for (int client = 0; client < clientCount; client++) {
                SignedInClient coordinator = signedIn.get(client);
                pool.submit(() -> {
                    long threadBefore = ProcessorTime.threadNanos();
                    while (System.nanoTime() < end && paid.get() < enough) {
                        String budget = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        long sent = System.nanoTime();
                        int status = coordinator.post("/api/budgets/" + budget + "/payments", UUID.randomUUID().toString(),
                                "{\"from\":\"NOTIONAL\",\"payee\":\"DCA01\",\"amount\":\"0.01\",\"planLine\":0,\"description\":\"Benchmark\"}")
                                .statusCode();
                        latencies.add((System.nanoTime() - sent) / 1000);
                        if (status == 201) {
                            paid.incrementAndGet();
                        } else if (status == 503) {
                            busy.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    }
                    clientNanos.addAndGet(ProcessorTime.threadNanos() - threadBefore);
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long jvmAfter = ProcessorTime.jvmNanos();
        long compilingAfter = ProcessorTime.compilingMillis();
        long compilerAfter = ProcessorTime.jvmThreadNanos(ProcessorTime.JvmThreads.JIT_COMPILER);
        long collectorAfter = ProcessorTime.jvmThreadNanos(ProcessorTime.JvmThreads.GARBAGE_COLLECTOR);
        long postgresAfter = processor.postgresNanos();
        Processor used = new Processor(jvmBefore < 0 ? -1 : jvmAfter - jvmBefore, clientNanos.get(),
                postgresBefore < 0 || postgresAfter < 0 ? -1 : postgresAfter - postgresBefore,
                compilingBefore < 0 ? -1 : compilingAfter - compilingBefore,
                compilerBefore < 0 || compilerAfter < 0 ? -1 : compilerAfter - compilerBefore,
                collectorBefore < 0 || collectorAfter < 0 ? -1 : collectorAfter - collectorBefore);
        return new Result(paid.get(), busy.get(), other.get(), elapsed, new ArrayList<>(latencies), used, pauses.summary());
    }

    private static double pgbench(EmbeddedPostgres postgres, PrintWriter out) throws IOException, InterruptedException {
        Path pgbench = Path.of("/usr/bin/pgbench");
        if (!Files.isExecutable(pgbench)) {
            out.println("pgbench is not installed (Debian package postgresql-client); no ratio.");
            return 0;
        }
        String port = Integer.toString(postgres.getPort());
        exec(List.of("/usr/bin/psql", "-h", "localhost", "-p", port, "-U", "postgres", "-c", "CREATE DATABASE pgbench"));
        exec(List.of(pgbench.toString(), "-h", "localhost", "-p", port, "-U", "postgres", "-i", "-s", "10", "-q", "pgbench"));
        String report = exec(List.of(pgbench.toString(), "-h", "localhost", "-p", port, "-U", "postgres", "-c", "32", "-j", "2", "-T", "20",
                "-b", "tpcb-like", "pgbench"));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(report);
        return tps.find() ? Double.parseDouble(tps.group(1)) : 0;
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
