package org.almoner.platform.analysis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.almoner.engine.EngineException;
import org.almoner.engine.console.Progress;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.platform.access.Actor;
import org.almoner.platform.analysis.internal.AnalysisSteps;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Analyses run in the background, one at a time, each a job with its progress for a page to poll. A job that
 * finishes replaces the current analysis whole ({@link CurrentAnalysis}); one that fails leaves it as it was.
 *
 * <p>The data sets offered are the folders under {@code almoner.analytics.data-sets} (by default the folder holding
 * {@code almoner.analytics.output}) that hold a pipeline output or pipeline input; nothing else on the server can be
 * named from a page. With {@code almoner.analytics.analyse-on-start} (the default) the platform analyses
 * {@code almoner.analytics.output} when it starts if there is no analysis of it yet, or the pipeline has written it again
 * since, so the demo's pages fill by themselves.
 * Job records last as long as the platform runs; the analysis they published stays on disk.
 */
@Component
public class AnalysisJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);
    private static final String SYSTEM = "almoner";

    private final CurrentAnalysis current;
    private final Path pipelineOutput;
    private final Path dataSets;
    private final Path keyFile;
    private final boolean analyseOnStart;
    private final AnalysisSteps steps;
    private final Clock clock;
    private final Map<UUID, AnalysisJob> jobs = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicReference<Progress>> stages = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("almoner-analysis").factory());

    AnalysisJobs(CurrentAnalysis current, @Value("${almoner.analytics.output:}") String pipelineOutput,
            @Value("${almoner.analytics.data-sets:}") String dataSets, @Value("${almoner.analytics.key-file:}") String keyFile,
            @Value("${almoner.analytics.statement-rules:}") String statementRules,
            @Value("${almoner.analytics.analyse-on-start:true}") boolean analyseOnStart,
            @Value("${almoner.analytics.memory-limit-mb:2048}") long memoryLimit, Clock clock) {
        this.current = requireNonNull(current, "current is null");
        this.pipelineOutput = pipelineOutput.isBlank() ? null : Path.of(pipelineOutput).toAbsolutePath();
        this.dataSets = !dataSets.isBlank() ? Path.of(dataSets).toAbsolutePath()
                : this.pipelineOutput == null ? null : this.pipelineOutput.getParent();
        this.keyFile = keyFile.isBlank() ? null : Path.of(keyFile);
        this.analyseOnStart = analyseOnStart;
        this.steps = new AnalysisSteps(new DuckDbSettings(Runtime.getRuntime().availableProcessors(), memoryLimit, null),
                statementRules.isBlank() ? null : Path.of(statementRules));
        this.clock = requireNonNull(clock, "clock is null");
    }

    @EventListener(ApplicationReadyEvent.class)
    void analyseWhenThereIsNoAnalysisYet() {
        current.removeLeftovers();
        if (analyseOnStart && pipelineOutput != null && Files.isRegularFile(pipelineOutput.resolve("linked").resolve("activity.parquet"))
                && current.info().map(this::olderThanThePipelineOutput).orElse(true)) {
            submit(new DataSet(pipelineOutput.getFileName().toString(), pipelineOutput, false), SYSTEM, SYSTEM);
        }
    }

    /** Whether the pipeline has written the output again since the analysis shown was made from it (a demo run again). */
    private boolean olderThanThePipelineOutput(AnalysisInfo shown) {
        try {
            return shown.dataSet().equals(pipelineOutput.getFileName().toString())
                    && Files.getLastModifiedTime(pipelineOutput.resolve("linked").resolve("activity.parquet")).toInstant()
                            .isAfter(shown.finishedAt());
        } catch (IOException e) {
            return false;
        }
    }

    /** The folders an analysis can be started on, by name. */
    public List<DataSet> dataSets() {
        if (dataSets == null || !Files.isDirectory(dataSets)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dataSets)) {
            List<DataSet> found = new ArrayList<>();
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isRegularFile(folder.resolve("linked").resolve("activity.parquet"))) {
                    found.add(new DataSet(name, folder, false));
                } else if (Files.isRegularFile(folder.resolve("people.csv")) && Files.isDirectory(folder.resolve("activity"))) {
                    found.add(new DataSet(name, folder, true));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether input folders can be analysed: the pipeline needs the data-sharing agreement's key. */
    public boolean canRunThePipeline() {
        return keyFile != null && Files.isReadable(keyFile);
    }

    /**
     * Starts an analysis of the named data set, or returns the one already waiting or running on it.
     *
     * @throws PlatformException INVALID_REQUEST when no data set has the name, or it is input and there is no key
     */
    public AnalysisJob start(String dataSetName, Actor actor) {
        requireNonNull(actor, "actor is null");
        DataSet dataSet = dataSets().stream().filter(candidate -> candidate.name().equals(dataSetName)).findFirst()
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.INVALID_REQUEST,
                        "Choose one of the data sets listed: there is no data set called '" + dataSetName + "'."));
        if (dataSet.input() && !canRunThePipeline()) {
            throw new PlatformException(PlatformErrorCode.INVALID_REQUEST, "'" + dataSetName + "' is pipeline input, and the pipeline"
                    + " needs the data-sharing agreement's key: start the platform with --analytics-key-file, or choose a pipeline output.");
        }
        synchronized (this) {
            Optional<AnalysisJob> already = jobs.values().stream().filter(AnalysisJob::inProgress)
                    .filter(job -> job.dataSet().equals(dataSet.name())).findFirst();
            return already.orElseGet(() -> submit(dataSet, actor.username(), actor.organisation()));
        }
    }

    /** A job as it stands now, to those of the organisation that started it (or of any, for a job the platform started). */
    public Optional<AnalysisJob> find(UUID id, String organisation) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> visibleTo(job, organisation)).map(this::withStageProgress);
    }

    /** Jobs of the organisation, newest first. */
    public List<AnalysisJob> recent(String organisation) {
        return jobs.values().stream().filter(job -> visibleTo(job, organisation)).map(this::withStageProgress)
                .sorted(Comparator.comparing(AnalysisJob::startedAt).reversed()).limit(20).toList();
    }

    private static boolean visibleTo(AnalysisJob job, String organisation) {
        return job.organisation().equals(organisation) || job.organisation().equals(SYSTEM);
    }

    private AnalysisJob withStageProgress(AnalysisJob job) {
        AtomicReference<Progress> stage = stages.get(job.id());
        if (job.state() != AnalysisJob.State.RUNNING || stage == null || stage.get() == null) {
            return job;
        }
        return job.running(job.stepsDone(), job.step(), (int) Math.min(100, stage.get().done()));
    }

    private AnalysisJob submit(DataSet dataSet, String startedBy, String organisation) {
        int stepCount = dataSet.input() ? AnalysisSteps.NAMES.size() : AnalysisSteps.NAMES.size() - 1;
        AnalysisJob job = new AnalysisJob(UUID.randomUUID(), dataSet.name(), dataSet.input(), startedBy, organisation, clock.instant(),
                AnalysisJob.State.WAITING, 0, stepCount, "Waiting for the analysis before it to finish", 0, null, null);
        jobs.put(job.id(), job);
        worker.submit(() -> run(job.id(), dataSet));
        return job;
    }

    private void run(UUID id, DataSet dataSet) {
        int first = dataSet.input() ? 0 : 1;
        AtomicReference<Progress> stage = new AtomicReference<>();
        stages.put(id, stage);
        AnalysisSteps.Listener listener = new AnalysisSteps.Listener() {
            @Override
            public void step(int index, int percent) {
                stage.set(null);
                jobs.computeIfPresent(id, (key, job) -> job.running(index - first, AnalysisSteps.NAMES.get(index), percent));
            }

            @Override
            public void stage(String name, Progress progress) {
                stage.set(progress);
                jobs.computeIfPresent(id, (key, job) -> job.running(0, AnalysisSteps.NAMES.get(0) + ": " + name, 0));
            }
        };
        Path folder = current.newFolder(id);
        try {
            String summary = dataSet.input()
                    ? steps.runPipelineThenAnalysis(dataSet.folder(), PseudonymisationKey.fromFile(keyFile), LocalDate.now(clock), folder,
                            listener)
                    : steps.analyse(dataSet.folder(), folder, listener);
            current.publish(folder, dataSet.name(), clock.instant());
            jobs.computeIfPresent(id, (key, job) -> job.finished(summary, clock.instant()));
        } catch (EngineException bad) {
            // The engine's messages say where and what to do, in words fit for the page.
            AnalysisSteps.deleteFolder(folder);
            jobs.computeIfPresent(id, (key, job) -> job.failed(bad.getMessage(), clock.instant()));
        } catch (RuntimeException | IOException failure) {
            AnalysisSteps.deleteFolder(folder);
            String reference = UUID.randomUUID().toString();
            log.error("Analysis job {} failed, reference {}", id, reference, failure);
            jobs.computeIfPresent(id, (key, job) -> job.failed("The analysis stopped unexpectedly; nothing was replaced. Quote reference "
                    + reference + " to support.", clock.instant()));
        } finally {
            stages.remove(id);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
