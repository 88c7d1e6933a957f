package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.almoner.platform.pathways.ApprovalLevel;
import org.almoner.platform.people.AgeGroup;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budgets in PostgreSQL. Saving checks the row version read, so two people changing one budget at
 * once cannot overwrite each other: the second is told to reload.
 */
@Component
public class Budgets {

    private static final int WORKINGS_KEPT = 2_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    /**
     * Parsed indicative workings by their stored text: every read of a budget (one for each payment)
     * parsed the same JSON again. Keyed by the text itself, so a changed working is simply parsed anew;
     * the values are immutable records, safe to share.
     */
    private final Map<String, StatementOfResources> workings = new ConcurrentHashMap<>();

    Budgets(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    void add(Budget budget, String createdBy) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO budgets (id, person_id, cohort, status, age_group, eligibility_category, indicative_amount,
                                             indicative_working, indicative_source, ongoing, created_by, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
                        """)
                .params(budget.id(), budget.personId(), budget.cohort(), budget.status().name(), budget.ageGroup().name(),
                        budget.eligibilityCategory(), budget.indicativeAmount(),
                        json.writeValueAsString(budget.indicativeWorking()), budget.indicativeWorking().source(),
                        budget.ongoing(), createdBy, now, now)
                .update();
    }

    void save(Budget budget) {
        Mechanisms mechanisms = budget.mechanisms();
        Contributions contributions = budget.contributions();
        int updated = jdbc.sql("""
                        UPDATE budgets SET status = ?, plan_id = ?, plan_version = ?, final_amount = ?, nhs_contribution = ?,
                            social_care_contribution = ?, education_contribution = ?, person_contribution = ?, approval_level = ?,
                            approval_due_on = ?, notional_amount = ?, third_party_amount = ?, third_party_organisation = ?,
                            direct_payment_amount = ?, direct_payment_suitable = ?, direct_payment_suitability_note = ?,
                            direct_payment_withheld_reason = ?, ongoing = ?, start_date = ?, end_date = ?, updated_at = ?,
                            row_version = row_version + 1
                        WHERE id = ? AND row_version = ?
                        """)
                .params(budget.status().name(), budget.planId(), budget.planVersion(), budget.finalAmount(), contributions.nhs(),
                        contributions.socialCare(), contributions.education(), contributions.person(),
                        budget.approvalLevel() == null ? null : budget.approvalLevel().name(), date(budget.approvalDueOn()),
                        mechanisms.notional(), mechanisms.thirdParty(), mechanisms.thirdPartyOrganisation(), mechanisms.directPayment(),
                        budget.directPaymentSuitable(), budget.directPaymentSuitabilityNote(), budget.directPaymentWithheldReason(),
                        budget.ongoing(), date(budget.startDate()), date(budget.endDate()), Timestamp.from(clock.instant()),
                        budget.id(), budget.rowVersion())
                .update();
        if (updated != 1) {
            throw new PlatformException(PlatformErrorCode.CONCURRENT_CHANGE,
                    "Someone else changed this budget while you were working on it. Reload it and try again.");
        }
    }

    public Optional<Budget> find(UUID id) {
        return jdbc.sql("SELECT * FROM budgets WHERE id = ?").param(id).query(this::budget).optional();
    }

    public List<Budget> forPerson(UUID personId) {
        return jdbc.sql("SELECT * FROM budgets WHERE person_id = ? ORDER BY created_at DESC").param(personId).query(this::budget).list();
    }

    /** Budgets waiting for a decision, for people of one organisation, oldest due first. */
    public List<Budget> awaitingApproval(String organisation) {
        return jdbc.sql("""
                        SELECT b.* FROM budgets b JOIN people p ON p.id = b.person_id
                        WHERE b.status = 'AWAITING_APPROVAL' AND p.responsible_organisation = ?
                        ORDER BY b.approval_due_on, b.id
                        """).param(organisation).query(this::budget).list();
    }

    void addDecision(UUID budgetId, ApprovalDecision decision) {
        jdbc.sql("""
                        INSERT INTO budget_decisions (id, budget_id, subject, level, outcome, reasons, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), budgetId, decision.subject(), decision.level().name(),
                        decision.approved() ? "APPROVED" : "NOT_APPROVED", decision.reasons(), decision.decidedBy(),
                        Timestamp.from(decision.decidedAt()))
                .update();
    }

    public List<ApprovalDecision> decisions(UUID budgetId) {
        return jdbc.sql("SELECT * FROM budget_decisions WHERE budget_id = ? ORDER BY decided_at, id").param(budgetId)
                .query((row, number) -> new ApprovalDecision(row.getString("subject"), ApprovalLevel.valueOf(row.getString("level")),
                        row.getString("outcome").equals("APPROVED"), row.getString("reasons"), row.getString("decided_by"),
                        row.getTimestamp("decided_at").toInstant()))
                .list();
    }

    void addMechanismChange(MechanismChange change) {
        Mechanisms proposed = change.proposed();
        jdbc.sql("""
                        INSERT INTO mechanism_changes (id, budget_id, notional_amount, third_party_amount, third_party_organisation,
                                                       direct_payment_amount, reason, status, requested_by, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(change.id(), change.budgetId(), proposed.notional(), proposed.thirdParty(), proposed.thirdPartyOrganisation(),
                        proposed.directPayment(), change.reason(), change.status(), change.requestedBy(), Timestamp.from(clock.instant()))
                .update();
    }

    Optional<MechanismChange> mechanismChange(UUID id) {
        return jdbc.sql("SELECT * FROM mechanism_changes WHERE id = ?").param(id).query(Budgets::mechanismChange).optional();
    }

    public List<MechanismChange> mechanismChanges(UUID budgetId) {
        return jdbc.sql("SELECT * FROM mechanism_changes WHERE budget_id = ? ORDER BY requested_at, id").param(budgetId)
                .query(Budgets::mechanismChange).list();
    }

    void settleMechanismChange(UUID id, boolean approved) {
        int updated = jdbc.sql("UPDATE mechanism_changes SET status = ? WHERE id = ? AND status = 'PROPOSED'")
                .params(approved ? "APPROVED" : "NOT_APPROVED", id).update();
        if (updated != 1) {
            throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT, "This change was already decided.");
        }
    }

    private static MechanismChange mechanismChange(ResultSet row, int number) throws SQLException {
        return new MechanismChange(row.getObject("id", UUID.class), row.getObject("budget_id", UUID.class),
                new Mechanisms(row.getBigDecimal("notional_amount"), row.getBigDecimal("third_party_amount"),
                        row.getString("third_party_organisation"), row.getBigDecimal("direct_payment_amount")),
                row.getString("reason"), row.getString("status"), row.getString("requested_by"));
    }

    private Budget budget(ResultSet row, int number) throws SQLException {
        StatementOfResources working = working(row.getString("indicative_working"));
        String level = row.getString("approval_level");
        return new Budget(
                row.getObject("id", UUID.class),
                row.getObject("person_id", UUID.class),
                row.getString("cohort"),
                AgeGroup.valueOf(row.getString("age_group")),
                row.getString("eligibility_category"),
                row.getBigDecimal("indicative_amount"),
                working,
                BudgetStatus.valueOf(row.getString("status")),
                row.getObject("plan_id", UUID.class),
                (Integer) row.getObject("plan_version"),
                row.getBigDecimal("final_amount"),
                row.getBigDecimal("nhs_contribution") == null ? Contributions.NONE : new Contributions(row.getBigDecimal("nhs_contribution"),
                        row.getBigDecimal("social_care_contribution"), row.getBigDecimal("education_contribution"),
                        row.getBigDecimal("person_contribution")),
                level == null ? null : ApprovalLevel.valueOf(level),
                localDate(row.getDate("approval_due_on")),
                new Mechanisms(row.getBigDecimal("notional_amount"), row.getBigDecimal("third_party_amount"),
                        row.getString("third_party_organisation"), row.getBigDecimal("direct_payment_amount")),
                (Boolean) row.getObject("direct_payment_suitable"),
                row.getString("direct_payment_suitability_note"),
                row.getString("direct_payment_withheld_reason"),
                row.getBoolean("ongoing"),
                localDate(row.getDate("start_date")),
                localDate(row.getDate("end_date")),
                row.getInt("row_version"));
    }

    private StatementOfResources working(String text) {
        StatementOfResources known = workings.get(text);
        if (known != null) {
            return known;
        }
        StatementOfResources parsed = json.readValue(text, StatementOfResources.class);
        if (workings.size() >= WORKINGS_KEPT) {
            workings.clear();
        }
        workings.put(text, parsed);
        return parsed;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
