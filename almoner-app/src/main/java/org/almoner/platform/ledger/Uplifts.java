package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk changes such as an annual uplift: proposed with exactly what will change for every budget,
 * and posted only when a second person approves.
 */
@Component
public class Uplifts {

    /** One budget's change: the annual amount now, and what each pot gains. */
    public record Change(UUID budgetId, BigDecimal annualAmount, BigDecimal notional, BigDecimal thirdParty, BigDecimal directPayment) {
        public BigDecimal increase() {
            return notional.add(thirdParty).add(directPayment);
        }
    }

    /** A proposed (or decided) bulk change. */
    public record Uplift(UUID id, String description, BigDecimal percent, List<Change> changes, BigDecimal totalIncrease, String status,
            String proposedBy, String decidedBy) {}

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final JsonMapper json;
    private final Clock clock;

    Uplifts(JdbcClient jdbc, Ledger ledger, JsonMapper json, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Works out the change for every active budget of the proposer's organisation (optionally one cohort); posts nothing. */
    @Transactional
    public Uplift propose(BigDecimal percent, String description, String cohort, Actor proposer) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(new BigDecimal("25")) > 0) {
            throw PlatformException.invalid("percent", "Give the uplift as a percentage above 0 and at most 25, for example 3.5.");
        }
        if (description == null || description.isBlank()) {
            throw PlatformException.invalid("description", "Say what the uplift is, for example 'Home care rate rise April 2027'.");
        }
        List<Change> changes = jdbc.sql("""
                        SELECT b.id, b.final_amount, b.notional_amount, b.third_party_amount, b.direct_payment_amount
                        FROM budgets b JOIN people p ON p.id = b.person_id JOIN ledger_budgets l ON l.budget_id = b.id
                        WHERE b.status = 'ACTIVE' AND p.responsible_organisation = :organisation
                          AND (CAST(:cohort AS text) IS NULL OR b.cohort = :cohort)
                        ORDER BY b.id
                        """)
                .param("organisation", proposer.organisation())
                .param("cohort", cohort == null || cohort.isBlank() ? null : cohort)
                .query((row, number) -> new Change(row.getObject("id", UUID.class), row.getBigDecimal("final_amount"),
                        share(row.getBigDecimal("notional_amount"), percent), share(row.getBigDecimal("third_party_amount"), percent),
                        share(row.getBigDecimal("direct_payment_amount"), percent)))
                .list();
        if (changes.isEmpty()) {
            throw PlatformException.invalid("cohort", "No active budgets of your organisation" + (cohort == null ? "" : " in cohort " + cohort)
                    + " to uplift.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO ledger_bulk_changes (id, description, percent, preview, status, proposed_by, proposed_at)
                        VALUES (?, ?, ?, CAST(? AS jsonb), 'PROPOSED', ?, ?)
                        """)
                .params(id, description.strip(), percent, json.writeValueAsString(changes), proposer.username(), Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    /** Posts every change in the preview, exactly as shown, once a second person approves. */
    public Uplift approve(UUID id, Actor approver) {
        Uplift uplift = proposed(id);
        if (uplift.proposedBy().equals(approver.username())) {
            throw new PlatformException(PlatformErrorCode.SECOND_PERSON_REQUIRED, "You proposed this uplift, so a second person must approve it.");
        }
        LocalDate today = LocalDate.now(clock);
        for (Change change : uplift.changes()) {
            List<Posting> postings = new ArrayList<>();
            add(postings, AccountKind.BUDGET_NOTIONAL, change.notional());
            add(postings, AccountKind.BUDGET_THIRD_PARTY, change.thirdParty());
            add(postings, AccountKind.BUDGET_DIRECT_PAYMENT, change.directPayment());
            if (postings.isEmpty()) {
                continue;
            }
            postings.add(new Posting(AccountKind.COMMISSIONER_FUNDING, "BUDGETS", change.increase().negate()));
            // One key per budget and uplift: approving again after a failure part-way posts only what is missing.
            ledger.post(new Ledger.Proposal(change.budgetId(), TransactionKind.UPLIFT, uplift.description(), null, null, today, postings),
                    "uplift:" + id + ":" + change.budgetId(), "uplift:" + id, approver.username());
        }
        jdbc.sql("UPDATE ledger_bulk_changes SET status = 'POSTED', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(approver.username(), Timestamp.from(clock.instant()), id).update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Uplift reject(UUID id, Actor decider) {
        proposed(id);
        jdbc.sql("UPDATE ledger_bulk_changes SET status = 'REJECTED', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(decider.username(), Timestamp.from(clock.instant()), id).update();
        return find(id).orElseThrow();
    }

    public Optional<Uplift> find(UUID id) {
        return jdbc.sql("SELECT * FROM ledger_bulk_changes WHERE id = ?").param(id)
                .query((row, number) -> {
                    List<Change> changes = json.readValue(row.getString("preview"),
                            json.getTypeFactory().constructCollectionType(List.class, Change.class));
                    return new Uplift(row.getObject("id", UUID.class), row.getString("description"), row.getBigDecimal("percent"), changes,
                            changes.stream().map(Change::increase).reduce(BigDecimal.ZERO, BigDecimal::add), row.getString("status"),
                            row.getString("proposed_by"), row.getString("decided_by"));
                })
                .optional();
    }

    private Uplift proposed(UUID id) {
        Uplift uplift = find(id).orElseThrow(() -> new PlatformException(PlatformErrorCode.BULK_CHANGE_NOT_FOUND, "upliftId",
                "There is no uplift " + id + "."));
        if (!uplift.status().equals("PROPOSED")) {
            throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT, "This uplift was already " + uplift.status().toLowerCase() + ".");
        }
        return uplift;
    }

    private static BigDecimal share(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static void add(List<Posting> postings, AccountKind kind, BigDecimal amount) {
        if (amount.signum() > 0) {
            postings.add(Posting.into(kind, amount));
        }
    }
}
