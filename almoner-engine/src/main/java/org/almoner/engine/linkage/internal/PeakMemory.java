package org.almoner.engine.linkage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory (Java heap and DuckDB's native memory together). Linux only,
 * from /proc; elsewhere nothing rather than a wrong figure.
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** Peak resident set size in bytes. */
    public static OptionalLong peakBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
