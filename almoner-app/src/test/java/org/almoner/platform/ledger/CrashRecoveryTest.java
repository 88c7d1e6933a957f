package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.almoner.platform.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform and its PostgreSQL killed with SIGKILL in the middle of a stream of payments, then
 * restarted on the same data, three times over: every acknowledged payment is there exactly once,
 * nothing is half-posted, and reconciliation is clean.
 */
class CrashRecoveryTest {

    private static final String ADMINISTRATOR_PASSWORD = Api.PASSWORD;

    @TempDir
    Path data;

    @Test
    void acknowledgedPaymentsSurviveKillNineExactlyOnce() throws Exception {
        int port = freePort();
        Process platform = start(port);
        try {
            Api administrator = Api.as(port, "administrator");
            for (String[] account : List.of(new String[] {"coordinator", "COORDINATOR"}, new String[] {"approver", "APPROVER"},
                    new String[] {"auditor", "AUDITOR"})) {
                Api.Response created = administratorCreates(administrator, account[0], account[1]);
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }
            ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver");
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            for (int round = 1; round <= 3; round++) {
                payUntilKilled(port, budget, acknowledged, platform);
                platform = start(port);
                for (Map.Entry<String, String> payment : acknowledged.entrySet()) {
                    Api.Response replay = Api.as(port, "coordinator").withKey(payment.getKey())
                            .post("/api/budgets/" + budget.budget() + "/payments", payment(payment.getKey()));
                    assertThat(replay.status()).as("round " + round + " " + replay).isEqualTo(201);
                    assertThat(replay.replayed()).isEqualTo("true");
                    assertThat(replay.text("id")).isEqualTo(payment.getValue());
                }
                Api.Response reconciliation = Api.as(port, "auditor").get("/api/ledger/reconciliation");
                assertThat(reconciliation.json().path("drifts")).as(reconciliation.toString()).isEmpty();
                assertThat(reconciliation.json().path("unbalancedTransactions")).isEmpty();
                assertThat(reconciliation.json().path("brokenChains")).isEmpty();
                long payments = Api.as(port, "coordinator").get("/api/budgets/" + budget.budget() + "/ledger").json().path("transactions")
                        .valueStream().filter(entry -> entry.path("kind").asString().equals("PROVIDER_PAYMENT")).count();
                // Some payments may have committed just before the kill without their answer arriving; none acknowledged is missing.
                assertThat(payments).as("round " + round).isGreaterThanOrEqualTo(acknowledged.size());
            }
            assertThat(acknowledged).isNotEmpty();
        } finally {
            kill(platform);
        }
        // After the last crash, with the platform down, the command line reconciles the data folder.
        java.io.StringWriter printed = new java.io.StringWriter();
        picocli.CommandLine commandLine = org.almoner.cli.Almoner.commandLine();
        commandLine.setOut(new java.io.PrintWriter(printed, true));
        assertThat(commandLine.execute("reconcile", "--data-folder", data.toString())).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains("Reconciled: no drift");
    }

    private void payUntilKilled(int port, ActiveBudgets.ActiveBudget budget, Map<String, String> acknowledged, Process platform)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService writers = Executors.newFixedThreadPool(6)) {
            for (int writer = 0; writer < 6; writer++) {
                writers.submit(() -> {
                    while (running.get()) {
                        String key = "crash-" + UUID.randomUUID();
                        try {
                            Api.Response response = Api.as(port, "coordinator").withKey(key)
                                    .post("/api/budgets/" + budget.budget() + "/payments", payment(key));
                            if (response.status() == 201) {
                                acknowledged.put(key, response.text("id"));
                            }
                        } catch (RuntimeException connectionLost) {
                            // The platform is down: this request was never acknowledged.
                        }
                    }
                });
            }
            Instant until = Instant.now().plusSeconds(2);
            while (Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            kill(platform);
            running.set(false);
        }
    }

    private static Map<String, Object> payment(String key) {
        return Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "1.00", "planLine", 1, "description", "Home care " + key);
    }

    private Api.Response administratorCreates(Api administrator, String username, String role) {
        return administrator.send("POST", "/api/accounts", Map.of("username", username, "displayName", username, "password", Api.PASSWORD,
                "role", role, "organisation", "NORTH"), "application/json");
    }

    private Process start(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Dalmoner.security.bcrypt-strength=4", "-cp", System.getProperty("java.class.path"), "org.almoner.cli.Almoner",
                "serve", "--port", Integer.toString(port), "--data-folder", data.toString(), "--administrator", "administrator")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("platform.log").toFile());
        builder.environment().put("ALMONER_ADMINISTRATOR_PASSWORD", ADMINISTRATOR_PASSWORD);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The platform stopped: " + Files.readString(data.resolve("platform.log")));
            }
            try {
                if (Api.anonymous(port).get("/actuator/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The platform did not start in 2 minutes: " + Files.readString(data.resolve("platform.log")));
    }

    /** SIGKILL to the platform and to its PostgreSQL and every backend: a machine losing power, as near as a test gets. */
    private void kill(Process platform) throws IOException, InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>();
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle.of(postmaster).ifPresent(handle -> {
                handle.descendants().forEach(victims::add);
                victims.add(handle);
            });
        }
        platform.descendants().forEach(victims::add);
        victims.add(platform.toHandle());
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().join();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
