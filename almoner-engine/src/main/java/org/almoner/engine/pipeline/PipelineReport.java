package org.almoner.engine.pipeline;

import java.io.PrintWriter;
import java.util.Locale;
import org.almoner.engine.costing.CostingResult;
import org.almoner.engine.linkage.LinkageResult;

/** The plain-English summary printed at the end of a pipeline run. */
final class PipelineReport {

    private PipelineReport() {
    }

    static void print(PipelineResult result, PrintWriter out) {
        var ingest = result.ingest();
        out.println();
        out.printf(Locale.UK, "Read %,d rows: loaded %,d, rejected %,d.%n", ingest.rowsRead(), ingest.rowsLoaded(),
                ingest.rowsRejected());
        LinkageResult linkage = result.linkage();
        out.printf(Locale.UK, "Linked %,d of %,d activity rows to a person by NHS number (%s)", linkage.linkedByNhsNumber(),
                linkage.rows(), percent(linkage.linkedByNhsNumber(), linkage.rows()));
        if (linkage.linkedOtherwise() > 0) {
            out.printf(Locale.UK, " and %,d by probabilistic linkage", linkage.linkedOtherwise());
        }
        out.printf(Locale.UK, "; %,d are not linked.%n", linkage.unlinked());
        CostingResult costing = result.costing();
        out.printf(Locale.UK, "Costed %,d rows, total £%,.2f:%n", costing.rows() - costing.uncosted(), costing.totalCost());
        costing.byMethod().forEach((method, tally) -> {
            if (tally.rows() > 0) {
                out.printf(Locale.UK, "  %-16s %,12d rows  £%,18.2f%n", method, tally.rows(), tally.cost());
            }
        });
        if (costing.uncosted() > 0) {
            out.printf(Locale.UK, "%,d rows could not be costed; costing/uncosted.csv says what was tried for each.%n",
                    costing.uncosted());
        }
        out.println();
        out.println("Time per stage:");
        for (StageTiming timing : result.timings()) {
            out.printf(Locale.UK, "  %-28s %7.1f s%s%n", timing.stage(), timing.elapsed().toMillis() / 1000.0,
                    timing.rows() > 0 ? String.format(Locale.UK, "  %,.0f rows/s", timing.rowsPerSecond()) : "");
        }
        out.printf(Locale.UK, "  %-28s %7.1f s%n", "Total", result.elapsed().toMillis() / 1000.0);
        out.println();
        out.println("Data quality report: " + result.output().resolve("quality/data_quality.html").toAbsolutePath());
        out.println("Rejected rows:       " + result.output().resolve("quality/rejects.csv").toAbsolutePath());
        out.println("Linked data set:     " + result.output().resolve("linked").toAbsolutePath());
        out.println("Per-person summary:  " + result.output().resolve("summary/person_year_summary.csv").toAbsolutePath());
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "none" : String.format(Locale.UK, "%.1f%%", 100.0 * part / whole);
    }
}
