package org.almoner.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Processor time, which the ledger benchmark divides by payments: on a machine shared with other
 * work, payments a second move with the load, but the processor a payment costs hardly does. Reads
 * this JVM's total (the platform and the benchmark's own client threads, measured apart by the
 * caller) and PostgreSQL's, the postmaster and its backends from {@code /proc}.
 */
final class ProcessorTime {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path postgresData;

    ProcessorTime(Path postgresData) {
        this.postgresData = requireNonNull(postgresData, "postgresData is null");
    }

    /** The processor time this JVM has used, every thread together, or -1 where the JVM does not say. */
    static long jvmNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Milliseconds the JIT compiler has spent so far (elapsed in its threads, which on a busy machine
     * is close to their processor time), or -1 where the JVM does not say.
     */
    static long compilingMillis() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : -1;
    }

    /** Which of this JVM's own threads (not Java threads: they have no ids to ask the JVM about) a reading covers. */
    enum JvmThreads {
        /** HotSpot's C1 and C2 compiler threads. */
        JIT_COMPILER,
        /** The garbage collector's threads, whichever collector runs. */
        GARBAGE_COLLECTOR;

        boolean covers(String name) {
            return switch (this) {
                case JIT_COMPILER -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
                case GARBAGE_COLLECTOR -> name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ");
            };
        }
    }

    /**
     * The processor time this JVM's threads of one kind have used, from {@code /proc/self/task}, or -1
     * where it cannot be read. Threads that ended since are not counted, which for the compiler's and
     * collector's long-lived threads loses little.
     */
    static long jvmThreadNanos(JvmThreads kind) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                String name;
                try {
                    name = Files.readString(thread.resolve("comm")).strip();
                } catch (IOException | RuntimeException gone) {
                    continue;
                }
                if (!kind.covers(name)) {
                    continue;
                }
                String[] fields = stat(thread);
                if (fields != null) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** The processor time the calling thread has used. */
    static long threadNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * PostgreSQL's processor time: the postmaster's own and its finished children's, and that of its
     * backends still running; -1 when {@code /proc} or the postmaster's pid file cannot be read.
     */
    long postgresNanos() {
        try {
            List<String> pidFile = Files.readAllLines(postgresData.resolve("postmaster.pid"));
            String postmaster = pidFile.getFirst().strip();
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString()
                    .chars().allMatch(Character::isDigit))) {
                for (Path process : processes) {
                    String[] fields = stat(process);
                    if (fields == null) {
                        continue;
                    }
                    // After the command name: state, ppid, ..., utime (index 11), stime, cutime, cstime.
                    if (process.getFileName().toString().equals(postmaster)) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    } else if (fields[1].equals(postmaster)) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The command name is in parentheses and may itself hold spaces or parentheses.
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** Milliseconds a payment, or "n/a" when a reading was missing. */
    static String perPayment(long nanos, long payments) {
        return nanos < 0 || payments == 0 ? "n/a" : String.format(Locale.UK, "%.2f ms", nanos / 1e6 / payments);
    }
}
