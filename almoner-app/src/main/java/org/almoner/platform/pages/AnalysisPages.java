package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.analysis.AnalysisJob;
import org.almoner.platform.analysis.AnalysisJobs;
import org.almoner.platform.analysis.CurrentAnalysis;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For commissioning and finance: which analysis the pages show, the data sets an analysis can run on, and each job's
 * progress. A job's page refreshes itself while the job runs, so it can be left and come back to.
 */
@Controller
class AnalysisPages {

    private final AnalysisJobs jobs;
    private final CurrentAnalysis analysis;
    private final Actors actors;

    AnalysisPages(AnalysisJobs jobs, CurrentAnalysis analysis, Actors actors) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.analysis = requireNonNull(analysis, "analysis is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @GetMapping("/analysis")
    String analysis(Model model) {
        Actor actor = actors.current();
        Page.ANALYSIS.requireFor(actor);
        return show(actor, model, Map.of(), null);
    }

    @PostMapping("/analysis/jobs")
    String start(@RequestParam(required = false) String dataSet, Model model) {
        Actor actor = actors.current();
        Page.ANALYSIS.requireFor(actor);
        if (dataSet == null || dataSet.isBlank()) {
            return show(actor, model, Map.of(firstChoiceId(), "Choose the data set to analyse"), null);
        }
        try {
            return "redirect:/analysis/jobs/" + jobs.start(dataSet, actor).id();
        } catch (PlatformException refused) {
            if (refused.code() != PlatformErrorCode.INVALID_REQUEST) {
                throw refused;
            }
            return show(actor, model, Map.of(firstChoiceId(), refused.getMessage()), dataSet);
        }
    }

    @GetMapping("/analysis/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        Actor actor = actors.current();
        Page.ANALYSIS.requireFor(actor);
        AnalysisJob job = jobs.find(id, actor.organisation()).orElseThrow(() -> new PlatformException(PlatformErrorCode.NOT_FOUND,
                "There is no analysis job " + id + ". Jobs are kept while the platform runs; the analysis page lists them."));
        model.addAttribute("job", job);
        return "pages/analysis-job";
    }

    /** The progress part of a job's page alone, for the page's script to swap in. */
    @GetMapping("/analysis/jobs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        job(id, model);
        return "pages/analysis-job :: progress";
    }

    private String show(Actor actor, Model model, Map<String, String> errors, String chosen) {
        model.addAttribute("analysis", analysis.info().orElse(null));
        model.addAttribute("dataSets", jobs.dataSets());
        model.addAttribute("canRunThePipeline", jobs.canRunThePipeline());
        model.addAttribute("jobs", jobs.recent(actor.organisation()));
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen);
        return "pages/analysis";
    }

    /** The error summary links to the first radio button, as the design system asks. */
    private String firstChoiceId() {
        return "dataSet-0";
    }
}
