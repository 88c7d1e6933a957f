package org.almoner.engine.console;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar for one stage of a long job, drawn on a terminal's error stream so that standard
 * output stays clean for results.
 *
 * <p>On a terminal the bar redraws in place at most a few times a second; when output goes to a
 * file or a CI log (no terminal) it prints one line per tenth of the work instead, so logs stay
 * short and readable. Safe to advance from several threads.
 */
public final class Progress implements AutoCloseable {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String stage;
    private final String unit;
    private final boolean interactive;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long lastDrawNanos;
    private volatile int lastTenth = -1;
    private boolean closed;

    private Progress(PrintStream out, String stage, long total, String unit, boolean interactive) {
        this.out = requireNonNull(out, "out is null");
        this.stage = requireNonNull(stage, "stage is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.total = total;
        this.interactive = interactive;
        this.startNanos = System.nanoTime();
    }

    /** Starts a bar; {@code total} may be 0 when the amount of work is not known in advance. */
    public static Progress start(String stage, long total, String unit) {
        return new Progress(System.err, stage, total, unit, onTerminal());
    }

    /**
     * Whether this process writes to a terminal. From JDK 22 {@code System.console()} may return a console when output
     * is sent to a file (a CI log, a cluster driver's log), and {@code Console.isTerminal()} says which; before it, a
     * console meant a terminal. Looked up by reflection, as the engine builds for Java 21.
     */
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** A bar that writes nowhere, for library callers and tests that want no output. */
    public static Progress silent(String stage) {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()), stage, 0, "", false);
    }

    /** A bar writing to the given stream, as a log would see it. */
    public static Progress to(PrintStream out, String stage, long total, String unit) {
        return new Progress(out, stage, total, unit, false);
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public void advance(long amount) {
        long now = done.addAndGet(amount);
        draw(now, false);
    }

    /** Sets the amount done, for work measured from outside (for example DuckDB's own progress). */
    public void update(long amountDone) {
        done.set(amountDone);
        draw(amountDone, false);
    }

    public long done() {
        return done.get();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void draw(long now, boolean force) {
        long t = total;
        if (interactive) {
            long nanos = System.nanoTime();
            if (!force && nanos - lastDrawNanos < REDRAW_NANOS) {
                return;
            }
            lastDrawNanos = nanos;
            synchronized (this) {
                out.print("\r" + line(now, t));
                out.flush();
            }
        } else if (t > 0) {
            int tenth = (int) Math.min(10, now * 10 / t);
            if (tenth > lastTenth) {
                synchronized (this) {
                    if (tenth > lastTenth) {
                        lastTenth = tenth;
                        out.println(line(now, t));
                    }
                }
            }
        }
    }

    private String line(long now, long t) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f %s/s", now / seconds, unit);
        if (t <= 0) {
            return String.format(Locale.ROOT, "%-28s %,d %s  %s  %s", stage, now, unit, rate, formatSeconds(seconds));
        }
        int filled = (int) Math.min(WIDTH, now * WIDTH / t);
        if (unit.equals("%")) {
            return String.format(Locale.ROOT, "%-28s [%s%s] %3d%%  %s", stage, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), Math.min(100, now * 100 / t), formatSeconds(seconds));
        }
        return String.format(Locale.ROOT, "%-28s [%s%s] %3d%%  %,d/%,d %s  %s  %s", stage,
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.min(100, now * 100 / t), now, t, unit, rate,
                formatSeconds(seconds));
    }

    private static String formatSeconds(double seconds) {
        return String.format(Locale.ROOT, "%.1fs", seconds);
    }

    /** Finishes the bar, leaving a final line with the totals. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long now = done.get();
        if (interactive) {
            out.print("\r" + line(now, total == 0 ? 0 : Math.max(total, now)) + System.lineSeparator());
        } else if (lastTenth < 10) {
            out.println(line(now, total == 0 ? 0 : Math.max(total, now)));
        }
        out.flush();
    }
}
