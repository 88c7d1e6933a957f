package org.almoner.platform.budgets;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organisation's personal health budgets at a glance, for commissioners: how many people it is
 * responsible for, its budgets by stage with their amounts, and how active budgets are held. Counts
 * and sums only; it names no one.
 */
@Component
public class OrganisationOverview {

    /** Budgets at one stage: how many, and their indicative and final amounts. */
    public record Stage(BudgetStatus status, long budgets, BigDecimal indicative, BigDecimal finalAmount) {}

    /** The whole overview; {@code mechanisms} sums the active budgets' split. */
    public record Overview(long people, List<Stage> stages, Mechanisms activeMechanisms, long approvalsLate) {}

    private final JdbcClient jdbc;

    OrganisationOverview(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /**
     * The overview of an organisation's people and budgets on a day. Each budget's organisation is looked up by the
     * person's primary key rather than joined: with most of a million people in one organisation the planner's join
     * reads every person, where the organisation's budgets (one person in a hundred) need only as many look-ups.
     */
    public Overview of(String organisation, LocalDate today) {
        long people = jdbc.sql("SELECT count(*) FROM people WHERE responsible_organisation = ?").param(organisation)
                .query(Long.class).single();
        List<Stage> stages = jdbc.sql("""
                        SELECT b.status, count(*) AS budgets, coalesce(sum(b.indicative_amount), 0) AS indicative,
                               coalesce(sum(b.final_amount), 0) AS final_amount
                        FROM budgets b
                        WHERE (SELECT p.responsible_organisation FROM people p WHERE p.id = b.person_id) = ?
                        GROUP BY b.status
                        """).param(organisation)
                .query((row, number) -> new Stage(BudgetStatus.valueOf(row.getString("status")), row.getLong("budgets"),
                        row.getBigDecimal("indicative").setScale(2), row.getBigDecimal("final_amount").setScale(2)))
                .list().stream().sorted(Comparator.comparing(Stage::status)).toList();
        Mechanisms active = jdbc.sql("""
                        SELECT coalesce(sum(b.notional_amount), 0) AS notional, coalesce(sum(b.third_party_amount), 0) AS third_party,
                               coalesce(sum(b.direct_payment_amount), 0) AS direct_payment
                        FROM budgets b
                        WHERE (SELECT p.responsible_organisation FROM people p WHERE p.id = b.person_id) = ? AND b.status = 'ACTIVE'
                        """).param(organisation)
                .query((row, number) -> new Mechanisms(row.getBigDecimal("notional").setScale(2), row.getBigDecimal("third_party").setScale(2),
                        "third-party organisations", row.getBigDecimal("direct_payment").setScale(2)))
                .single();
        long late = jdbc.sql("""
                        SELECT count(*) FROM budgets b
                        WHERE (SELECT p.responsible_organisation FROM people p WHERE p.id = b.person_id) = ? AND b.status = 'AWAITING_APPROVAL' AND b.approval_due_on < ?
                        """).params(organisation, Date.valueOf(today)).query(Long.class).single();
        return new Overview(people, stages, active, late);
    }
}
