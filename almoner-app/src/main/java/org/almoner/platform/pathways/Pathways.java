package org.almoner.platform.pathways;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The configured pathways, one per cohort. */
@Component
public class Pathways {

    private final JdbcClient jdbc;
    private final Clock clock;

    Pathways(JdbcClient jdbc, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public List<Pathway> all() {
        return jdbc.sql("SELECT * FROM pathways ORDER BY cohort").query(Pathways::pathway).list();
    }

    public Optional<Pathway> find(String cohort) {
        return jdbc.sql("SELECT * FROM pathways WHERE cohort = ?").param(cohort).query(Pathways::pathway).optional();
    }

    /** The pathway for a cohort named in a request, or a refusal naming the field. */
    public Pathway require(String cohort, String field) {
        if (cohort == null || cohort.isBlank()) {
            throw PlatformException.invalid(field, "Give the cohort, one of " + cohorts() + ".");
        }
        return find(cohort).orElseThrow(() -> new PlatformException(PlatformErrorCode.PATHWAY_NOT_FOUND, field,
                "There is no pathway for cohort '" + cohort + "'. Use one of " + cohorts() + ", or ask an administrator to add it."));
    }

    @Transactional
    public Pathway save(Pathway pathway, String username) {
        jdbc.sql("""
                        INSERT INTO pathways (cohort, description, identifies, refers, assesses, agrees_budget_and_plan, approves,
                                              reviews, panel, approval_tolerance_percent, panel_threshold, approval_due_days,
                                              updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (cohort) DO UPDATE SET description = excluded.description, identifies = excluded.identifies,
                            refers = excluded.refers, assesses = excluded.assesses,
                            agrees_budget_and_plan = excluded.agrees_budget_and_plan, approves = excluded.approves,
                            reviews = excluded.reviews, panel = excluded.panel,
                            approval_tolerance_percent = excluded.approval_tolerance_percent,
                            panel_threshold = excluded.panel_threshold, approval_due_days = excluded.approval_due_days,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at
                        """)
                .params(pathway.cohort(), pathway.description(), pathway.identifies(), pathway.refers(), pathway.assesses(),
                        pathway.agreesBudgetAndPlan(), pathway.approves(), pathway.reviews(), pathway.panel(),
                        pathway.approvalTolerancePercent(), pathway.panelThreshold(), pathway.approvalDueDays(), username,
                        Timestamp.from(clock.instant()))
                .update();
        return find(pathway.cohort()).orElseThrow();
    }

    private List<String> cohorts() {
        return jdbc.sql("SELECT cohort FROM pathways ORDER BY cohort").query(String.class).list();
    }

    private static Pathway pathway(ResultSet row, int number) throws SQLException {
        return new Pathway(row.getString("cohort"), row.getString("description"), row.getString("identifies"),
                row.getString("refers"), row.getString("assesses"), row.getString("agrees_budget_and_plan"),
                row.getString("approves"), row.getString("reviews"), row.getString("panel"),
                row.getBigDecimal("approval_tolerance_percent"), row.getBigDecimal("panel_threshold"),
                row.getInt("approval_due_days"));
    }
}
