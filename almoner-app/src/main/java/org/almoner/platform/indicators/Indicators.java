package org.almoner.platform.indicators;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.almoner.platform.analysis.CurrentAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key performance indicators of handbook 2019, 4.1 stage 4, with the platform's own monitoring measures (budgets
 * by type, referral to budget, reviews on time, spend against plan). Each is one aggregate query over the
 * organisation's records; those over budgets, reviews, plans and referrals look each row's person up by primary key
 * (inOrganisation), so they cost what the organisation's budgets cost, not what its people do.
 */
@Component
public class Indicators {

    private static final String STAGE_4 = "Handbook 4.1, stage 4";
    private static final String MONITORING = "Platform monitoring (handbook 4.1 stage 4, 4.3.1)";

    private final JdbcClient jdbc;
    private final CurrentAnalysis analysis;

    Indicators(JdbcClient jdbc, CurrentAnalysis analysis) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.analysis = requireNonNull(analysis, "analysis is null");
    }

    /** The financial year (1 April to 31 March) a day falls in: its first day. */
    static LocalDate financialYearStart(LocalDate day) {
        return LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
    }

    /** Every indicator for an organisation on a day, in the handbook's order, then the monitoring measures. */
    public List<Indicator> of(String organisation, LocalDate today) {
        requireNonNull(organisation, "organisation is null");
        requireNonNull(today, "today is null");
        long people = count("SELECT count(*) FROM people WHERE responsible_organisation = :organisation", organisation);
        Optional<Long> population = analysis.peopleInCohorts();
        List<Indicator> indicators = new ArrayList<>();

        long withPlan = count("""
                SELECT count(DISTINCT p.person_id) FROM plans p
                WHERE p.agreed_versions > 0 AND %s""".formatted(inOrganisation("p")), organisation);
        indicators.add(proportion("Proportion of people who have a personalised care and support plan", withPlan, people, population,
                "people recorded with an agreed plan"));

        indicators.add(new Indicator("Achievement of outcomes in personalised care and support plans", STAGE_4, null, List.of(),
                "Plans record their outcomes and reviews record what was found in words, but neither records whether each outcome"
                        + " was achieved. A review that marks each of the plan's outcomes achieved, partly or not would make this computable."));
        indicators.add(new Indicator("Proportion of people who have personalised care approaches such as shared decision making and"
                + " self-management", STAGE_4, null, List.of(), "Neither the platform nor the linked data set records shared decision"
                + " making or support for self-management. The activation level in the stratification is a measure of a person's"
                + " confidence to manage their health, not of the approach offered, so it is not used in its place."));

        long linkWorkerReferrals = count("""
                SELECT count(DISTINCT r.person_id) FROM referrals r
                WHERE r.source = 'LINK_WORKER' AND %s""".formatted(inOrganisation("r")), organisation);
        indicators.add(new Indicator("Proportion of people who access social prescribing", STAGE_4, null,
                List.of(linkWorkerReferrals + " people were referred for a personal health budget by a social prescribing link worker."),
                "Social prescribing itself (a link worker's conversations and the community activity they lead to) is not recorded:"
                        + " the platform sees only referrals that link workers make to a budget pathway, and the linked data set's"
                        + " voluntary sector activity does not say whether it came through social prescribing."));

        long holders = count("""
                SELECT count(DISTINCT b.person_id) FROM budgets b
                WHERE b.status = 'ACTIVE' AND %s""".formatted(inOrganisation("b")), organisation);
        indicators.add(proportion("Proportion of people who have a personal health budget or integrated personal budget", holders, people,
                population, "people with an active budget"));

        indicators.add(new Indicator("Patient and carer satisfaction and experience", STAGE_4, null, List.of(),
                "No survey or feedback is recorded yet. A satisfaction question at each review (for example the personal health"
                        + " budget outcome evaluation tool) would give it."));
        indicators.add(new Indicator("Demonstration of co-production in service development", STAGE_4, null, List.of(),
                "Co-production is shown by how services are designed (who took part, what changed), which is evidence for the"
                        + " contract's review, not a figure the platform's records can give."));

        LocalDate yearStart = financialYearStart(today);
        Map<String, Object> money = jdbc.sql("""
                SELECT coalesce(sum(b.final_amount) FILTER (WHERE b.status = 'ACTIVE'), 0) AS annual,
                       coalesce(sum(b.final_amount * greatest(0, least(:today, coalesce(b.end_date, :today)) - greatest(:yearStart, b.start_date) + 1)
                                    / 365.0) FILTER (WHERE b.start_date <= :today), 0) AS planned,
                       coalesce((SELECT sum(p.amount) FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
                                 JOIN ledger_transactions t ON t.id = p.transaction_id JOIN budgets tb ON tb.id = t.budget_id
                                 WHERE %s AND t.effective_on BETWEEN :yearStart AND :today
                                   AND (a.kind = 'PROVIDER_PAID' OR (a.kind = 'DIRECT_PAYMENT_SPENT' AND a.budget_id = tb.id))), 0) AS spent
                FROM budgets b
                WHERE %s AND b.status IN ('ACTIVE', 'ENDED')""".formatted(inOrganisation("tb"), inOrganisation("b")))
                .param("organisation", organisation).param("today", Date.valueOf(today)).param("yearStart", Date.valueOf(yearStart))
                .query().singleRow();
        BigDecimal annual = (BigDecimal) money.get("annual");
        BigDecimal planned = ((BigDecimal) money.get("planned")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal spent = (BigDecimal) money.get("spent");
        indicators.add(new Indicator("Total funding being spent through personal health budgets and personalised care", STAGE_4, pounds(spent),
                List.of("Paid to providers and reported spent from direct payments, " + day(yearStart) + " to " + day(today) + ".",
                        "Active budgets come to " + pounds(annual) + " a year."), null));

        List<Map<String, Object>> byType = jdbc.sql("""
                SELECT CASE WHEN (b.notional_amount > 0)::int + (b.third_party_amount > 0)::int + (b.direct_payment_amount > 0)::int > 1
                                 THEN 'a mix of ways'
                            WHEN b.direct_payment_amount > 0 THEN 'direct payment'
                            WHEN b.third_party_amount > 0 THEN 'third party'
                            ELSE 'notional' END AS held, count(*) AS budgets
                FROM budgets b
                WHERE b.status = 'ACTIVE' AND %s
                GROUP BY 1 ORDER BY 1""".formatted(inOrganisation("b"))).param("organisation", organisation).query().listOfRows();
        long active = byType.stream().mapToLong(row -> ((Number) row.get("budgets")).longValue()).sum();
        indicators.add(new Indicator("Budgets by type", MONITORING, Long.toString(active),
                byType.isEmpty() ? List.of("No active budgets.") : byType.stream()
                        .map(row -> row.get("budgets") + " held as " + row.get("held")).toList(), null));

        Map<String, Object> waits = jdbc.sql("""
                SELECT count(*) AS budgets, percentile_cont(0.5) WITHIN GROUP (ORDER BY b.start_date - r.received_on) AS median_days,
                       max(b.start_date - r.received_on) AS longest_days
                FROM budgets b
                JOIN LATERAL (SELECT min(received_on) AS received_on FROM referrals WHERE person_id = b.person_id AND cohort = b.cohort
                              AND received_on <= b.start_date) r ON r.received_on IS NOT NULL
                WHERE %s AND b.start_date BETWEEN :from AND :today""".formatted(inOrganisation("b")))
                .param("organisation", organisation).param("from", Date.valueOf(today.minusYears(1))).param("today", Date.valueOf(today))
                .query().singleRow();
        long started = ((Number) waits.get("budgets")).longValue();
        indicators.add(started == 0
                ? new Indicator("Time from referral to budget", MONITORING, null, List.of(),
                        "No budget with a referral started in the last 12 months, so there is no time to measure yet.")
                : new Indicator("Time from referral to budget", MONITORING, days(waits.get("median_days")) + " (median)",
                        List.of(started + (started == 1 ? " budget" : " budgets") + " started in the 12 months to " + day(today) + ", from the first referral into the"
                                + " budget's pathway to the budget's start.", "Longest: " + days(waits.get("longest_days")) + "."), null));

        Map<String, Object> reviews = jdbc.sql("""
                SELECT count(*) AS due, count(*) FILTER (WHERE v.completed_on <= v.due_on) AS on_time,
                       count(*) FILTER (WHERE v.completed_on IS NULL) AS outstanding
                FROM reviews v
                WHERE %s AND v.due_on BETWEEN :from AND :today""".formatted(inOrganisation("v")))
                .param("organisation", organisation).param("from", Date.valueOf(today.minusYears(1))).param("today", Date.valueOf(today))
                .query().singleRow();
        long due = ((Number) reviews.get("due")).longValue();
        indicators.add(due == 0
                ? new Indicator("Reviews held on time", MONITORING, null, List.of(),
                        "No review fell due in the last 12 months, so there is nothing to measure yet.")
                : new Indicator("Reviews held on time", MONITORING, percent(((Number) reviews.get("on_time")).longValue(), due),
                        List.of(reviews.get("on_time") + " of " + due + " reviews due in the 12 months to " + day(today)
                                + " were held by their due date; " + reviews.get("outstanding") + " have not been held yet."), null));

        indicators.add(planned.signum() == 0
                ? new Indicator("Spend against plan", MONITORING, null, List.of(),
                        "No budget has been active this financial year, so there is no plan to measure spend against yet.")
                : new Indicator("Spend against plan", MONITORING, percent(spent, planned),
                        List.of(pounds(spent) + " spent against " + pounds(planned) + " planned from " + day(yearStart) + " to "
                                + day(today) + " (each budget's yearly amount spread evenly over the days it was active)."), null));
        return indicators;
    }

    private Indicator proportion(String name, long count, long people, Optional<Long> population, String what) {
        List<String> details = new ArrayList<>();
        details.add(count + " of " + people + " " + "people recorded on the platform (" + what + ").");
        population.ifPresentOrElse(
                inCohorts -> details.add(percent(count, inCohorts) + " of the " + String.format(Locale.UK, "%,d", inCohorts)
                        + " people in the analysis's cohorts (latest year), the population the programme is for."),
                () -> details.add("No analysis yet, so no share of the cohorts' population."));
        return people == 0 ? new Indicator(name, STAGE_4, null, details, "Nobody is recorded on the platform yet.")
                : new Indicator(name, STAGE_4, percent(count, people), details, null);
    }

    /**
     * Whether the person of a row (from a table aliased {@code alias}, with a {@code person_id}) is the organisation's.
     * A look-up by primary key for each of the row's table, not a join: with most of a million people in one
     * organisation the planner joins by reading every person, where the few thousand budgets, reviews, plans or
     * referrals need only as many index look-ups.
     */
    private static String inOrganisation(String alias) {
        return "(SELECT pe.responsible_organisation FROM people pe WHERE pe.id = " + alias + ".person_id) = :organisation";
    }

    private long count(String sql, String organisation) {
        return jdbc.sql(sql).param("organisation", organisation).query(Long.class).single();
    }

    private static String percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "none" : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String pounds(BigDecimal amount) {
        return String.format(Locale.UK, "£%,.2f", amount);
    }

    private static String days(Object value) {
        long days = Math.round(((Number) value).doubleValue());
        return days + (days == 1 ? " day" : " days");
    }

    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }
}
