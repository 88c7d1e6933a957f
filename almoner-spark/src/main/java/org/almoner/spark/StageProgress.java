package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.almoner.engine.console.Progress;

/**
 * The Spark runner's progress, stage by stage of the pipeline: how many of the Spark tasks submitted so far have
 * finished, and when a stage ends, its rows and elapsed time. A national run takes hours; this is how its user (or the
 * driver's log on a cluster) knows where it is.
 *
 * <p>On a terminal the line redraws in place once a second. Otherwise (a file, a CI log, the driver's log under
 * {@code spark-submit}) it prints a line when a stage finishes and, while one runs, at most one line per interval, so a
 * log gets a few lines an hour, not one per task. Spark submits a stage's jobs as its queries run (adaptive execution
 * plans the next once the last is done), so the total is of the tasks submitted so far, not a forecast.
 */
final class StageProgress implements AutoCloseable {

    /** How often a line is printed while a stage runs, when the output is not a terminal. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService ticker;
    private String stage;
    private long stageStartNanos;
    private long lastLineNanos;
    private long tasksSubmitted;
    private long tasksFinished;
    /** The length of the line last drawn on a terminal, which a shorter one must blank out. */
    private int drawn;

    StageProgress(PrintStream out, boolean terminal, Duration interval, LongSupplier nanoTime, boolean ticking) {
        this.out = requireNonNull(out, "out is null");
        this.terminal = terminal;
        this.intervalNanos = requireNonNull(interval, "interval is null").toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        if (ticking) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "almoner-spark-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    /** Progress on standard error: redrawn in place on a terminal, a line per stage and per half minute otherwise. */
    static StageProgress console() {
        return new StageProgress(System.err, Progress.onTerminal(), LOG_INTERVAL, System::nanoTime, true);
    }

    /** Progress as a log sees it, to {@code out}. */
    static StageProgress to(PrintStream out) {
        return new StageProgress(out, false, LOG_INTERVAL, System::nanoTime, true);
    }

    /** No progress at all, for callers that want none. */
    static StageProgress silent() {
        return new StageProgress(new PrintStream(PrintStream.nullOutputStream()), false, LOG_INTERVAL, System::nanoTime, false);
    }

    synchronized void stageStarted(String name) {
        stage = requireNonNull(name, "name is null");
        stageStartNanos = nanoTime.getAsLong();
        lastLineNanos = stageStartNanos;
        tasksSubmitted = 0;
        tasksFinished = 0;
        if (terminal) {
            draw(runningLine());
        }
    }

    /** A Spark stage of {@code tasks} tasks was submitted. */
    synchronized void tasksSubmitted(int tasks) {
        tasksSubmitted += tasks;
    }

    /** A Spark task finished. */
    synchronized void taskFinished() {
        tasksFinished++;
    }

    /** Prints a running line if one is due: each call on a terminal, once an interval otherwise. */
    synchronized void tick() {
        if (stage == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (terminal) {
            draw(runningLine());
        } else if (now - lastLineNanos >= intervalNanos) {
            lastLineNanos = now;
            out.println(runningLine());
            out.flush();
        }
    }

    /** The stage under way has finished, having made {@code rows} of what {@code what} names. */
    synchronized void stageFinished(long rows, String what) {
        requireNonNull(what, "what is null");
        if (stage == null) {
            throw new IllegalStateException("no stage was started");
        }
        String line = String.format(Locale.UK, "%-28s done: %,d %s in %s (%,d Spark tasks)", stage, rows, what,
                seconds(nanoTime.getAsLong() - stageStartNanos), tasksFinished);
        if (terminal) {
            draw(line);
            drawn = 0;
        }
        out.print(terminal ? System.lineSeparator() : line + System.lineSeparator());
        out.flush();
        stage = null;
    }

    private void draw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    private String runningLine() {
        return String.format(Locale.UK, "%-28s %,d of %,d Spark tasks submitted so far done  %s", stage, tasksFinished,
                tasksSubmitted, seconds(nanoTime.getAsLong() - stageStartNanos));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.UK, "%.1f s", nanos / 1e9);
    }

    /** Stops the ticking; a stage left unfinished (the run failed) has its line ended, so a message starts afresh. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            if (terminal && stage != null) {
                out.println();
                out.flush();
            }
            stage = null;
        }
    }
}
