package org.almoner.engine.benchmark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.almoner.engine.pipeline.PipelineResult;
import org.almoner.engine.pipeline.StageTiming;

/** The benchmark's figures: medians over runs, per stage, and the ratio to the hand-written SQL. */
final class BenchmarkReport {

    private final int people;
    private final List<PipelineResult> runs;
    private final List<Long> pipelinePeaks;
    private final List<Duration> handwritten;
    private final List<Long> handwrittenPeaks;

    BenchmarkReport(int people, List<PipelineResult> runs, List<Long> pipelinePeaks, List<Duration> handwritten,
            List<Long> handwrittenPeaks) {
        this.people = people;
        this.runs = List.copyOf(requireNonNull(runs, "runs is null"));
        this.pipelinePeaks = List.copyOf(pipelinePeaks);
        this.handwritten = List.copyOf(handwritten);
        this.handwrittenPeaks = List.copyOf(handwrittenPeaks);
    }

    double pipelineSeconds() {
        return median(runs.stream().map(result -> result.elapsed().toMillis() / 1000.0).toList());
    }

    double handwrittenSeconds() {
        return median(handwritten.stream().map(duration -> duration.toMillis() / 1000.0).toList());
    }

    void print(PrintWriter out) {
        PipelineResult first = runs.getFirst();
        out.println();
        out.printf(Locale.UK, "Benchmark: %,d people, %,d activity rows, %d run(s), %d processors%n", people,
                first.linkage().rows(), runs.size(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.UK, "  %-28s %9s %14s%n", "stage", "median s", "rows/s");
        for (int stage = 0; stage < first.timings().size(); stage++) {
            int index = stage;
            List<Double> seconds = runs.stream().map(result -> result.timings().get(index).elapsed().toMillis() / 1000.0).toList();
            StageTiming timing = first.timings().get(stage);
            double median = median(seconds);
            out.printf(Locale.UK, "  %-28s %9.1f %14s%n", timing.stage(), median,
                    timing.rows() > 0 && median > 0 ? String.format(Locale.UK, "%,.0f", timing.rows() / median) : "");
        }
        out.printf(Locale.UK, "  %-28s %9.1f %14s%n", "pipeline total", pipelineSeconds(),
                String.format(Locale.UK, "%,.0f", first.ingest().rowsRead() / pipelineSeconds()));
        out.printf(Locale.UK, "  %-28s %9.1f%n", "hand-written SQL", handwrittenSeconds());
        out.printf(Locale.UK, "  ratio pipeline / hand-written: %.2f (target 1.5 or less)%n", pipelineSeconds() / handwrittenSeconds());
        out.printf(Locale.UK, "  peak memory: pipeline %s, hand-written %s (target under 6 GB)%n",
                gigabytes(maximum(pipelinePeaks)), gigabytes(maximum(handwrittenPeaks)));
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("people,activity_rows,run,stage,seconds,rows");
        for (int run = 0; run < runs.size(); run++) {
            for (StageTiming timing : runs.get(run).timings()) {
                lines.add("%d,%d,%d,\"%s\",%.3f,%d".formatted(people, runs.getFirst().linkage().rows(), run + 1,
                        timing.stage(), timing.elapsed().toMillis() / 1000.0, timing.rows()));
            }
            lines.add("%d,%d,%d,pipeline peak bytes,,%d".formatted(people, runs.getFirst().linkage().rows(), run + 1,
                    pipelinePeaks.get(run)));
        }
        for (int run = 0; run < handwritten.size(); run++) {
            lines.add("%d,%d,%d,hand-written SQL,%.3f,".formatted(people, runs.getFirst().linkage().rows(), run + 1,
                    handwritten.get(run).toMillis() / 1000.0));
            lines.add("%d,%d,%d,hand-written peak bytes,,%d".formatted(people, runs.getFirst().linkage().rows(), run + 1,
                    handwrittenPeaks.get(run)));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".benchmark-", ".csv");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static long maximum(List<Long> values) {
        return values.stream().max(Comparator.naturalOrder()).orElse(-1L);
    }

    private static String gigabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.UK, "%.2f GB", bytes / 1e9);
    }
}
