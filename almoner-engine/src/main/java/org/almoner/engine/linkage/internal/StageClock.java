package org.almoner.engine.linkage.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Wall time and processor time (all threads of the process, DuckDB's included) since a start. On a
 * shared machine the wall time says more about the neighbours than about the job; the processor
 * time is what the job itself used.
 */
public final class StageClock {

    private final long wallStart;
    private final long cpuStart;

    private StageClock(long wallStart, long cpuStart) {
        this.wallStart = wallStart;
        this.cpuStart = cpuStart;
    }

    /** A clock started now. */
    public static StageClock start() {
        return new StageClock(System.nanoTime(), processCpuNanos());
    }

    /** Wall time since the start. */
    public Duration wall() {
        return Duration.ofNanos(System.nanoTime() - wallStart);
    }

    /** Processor time (user and system, every thread) since the start; zero where the JVM cannot tell. */
    public Duration cpu() {
        long now = processCpuNanos();
        return now < 0 || cpuStart < 0 ? Duration.ZERO : Duration.ofNanos(now - cpuStart);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean system) {
            return system.getProcessCpuTime();
        }
        return -1;
    }
}
