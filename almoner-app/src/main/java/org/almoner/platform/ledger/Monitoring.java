package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Monitoring spend through personal health budgets (handbook 4.3.1): each month's spend against the
 * plan's profile (a twelfth of the year), under- and over-spend, surplus building up in direct
 * payment accounts, an audit sample weighted towards direct payments, and closing the month.
 */
@Component
public class Monitoring {

    /** Spend below this share of the month's profile is flagged as under-spend; above the second, over-spend. */
    private static final BigDecimal UNDER = new BigDecimal("0.50");
    private static final BigDecimal OVER = new BigDecimal("1.20");
    /** More than this many months of direct payment held unspent is a surplus to look at. */
    private static final BigDecimal SURPLUS_MONTHS = new BigDecimal("3");

    /** One budget in one month. */
    public record BudgetMonth(UUID budgetId, UUID personId, BigDecimal monthlyProfile, BigDecimal spent, String spendFlag,
            BigDecimal directPaymentHeld, boolean directPaymentSurplus, boolean inAuditSample) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Monitoring(JdbcClient jdbc, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public List<BudgetMonth> month(YearMonth month, String organisation, int sampleSize) {
        List<BudgetMonth> rows = jdbc.sql("""
                        SELECT b.id, b.person_id, b.final_amount, b.direct_payment_amount,
                               coalesce((SELECT sum(p.amount) FROM ledger_postings p
                                         JOIN ledger_accounts a ON a.id = p.account_id
                                         JOIN ledger_transactions t ON t.id = p.transaction_id
                                         WHERE t.budget_id = b.id AND t.effective_on BETWEEN :first AND :last
                                           AND (a.kind = 'PROVIDER_PAID' OR (a.kind = 'DIRECT_PAYMENT_SPENT' AND a.budget_id = b.id))), 0) AS spent,
                               coalesce((SELECT balance FROM ledger_accounts WHERE budget_id = b.id AND kind = 'DIRECT_PAYMENT_HELD'), 0) AS held
                        FROM budgets b JOIN people pe ON pe.id = b.person_id JOIN ledger_budgets l ON l.budget_id = b.id
                        WHERE b.status = 'ACTIVE' AND pe.responsible_organisation = :organisation
                        ORDER BY b.id
                        """)
                .param("first", Date.valueOf(month.atDay(1)))
                .param("last", Date.valueOf(month.atEndOfMonth()))
                .param("organisation", organisation)
                .query((row, number) -> {
                    BigDecimal profile = row.getBigDecimal("final_amount").divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                    BigDecimal spent = row.getBigDecimal("spent");
                    BigDecimal monthlyDirectPayment = row.getBigDecimal("direct_payment_amount").divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                    BigDecimal held = row.getBigDecimal("held");
                    String flag = profile.signum() == 0 ? "NONE"
                            : spent.compareTo(profile.multiply(UNDER)) < 0 ? "UNDER_SPEND"
                            : spent.compareTo(profile.multiply(OVER)) > 0 ? "OVER_SPEND" : "ON_PROFILE";
                    boolean surplus = monthlyDirectPayment.signum() > 0 && held.compareTo(monthlyDirectPayment.multiply(SURPLUS_MONTHS)) > 0;
                    return new BudgetMonth(row.getObject("id", UUID.class), row.getObject("person_id", UUID.class), profile, spent, flag,
                            held, surplus, false);
                })
                .list();
        return withAuditSample(rows, month, sampleSize);
    }

    /** Closes a month once it is over: nothing can be posted with a date in it afterwards. */
    public void close(YearMonth month, Actor closer) {
        if (!month.atEndOfMonth().isBefore(LocalDate.now(clock))) {
            throw PlatformException.invalid("month", month + " has not ended yet; a month is closed after its last day.");
        }
        int inserted = jdbc.sql("INSERT INTO ledger_closed_periods (month, closed_by, closed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(Date.valueOf(month.atDay(1)), closer.username(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw new PlatformException(PlatformErrorCode.PERIOD_CLOSED, "month", month + " is already closed.");
        }
    }

    /**
     * A random sample for audit, weighted three to one towards budgets with a direct payment, drawn
     * with the month as the seed so the same month always gives the same sample.
     */
    private static List<BudgetMonth> withAuditSample(List<BudgetMonth> rows, YearMonth month, int sampleSize) {
        Random draw = new Random(month.getYear() * 100L + month.getMonthValue());
        List<double[]> keys = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            double weight = rows.get(index).directPaymentHeld().signum() > 0 || rows.get(index).directPaymentSurplus() ? 3 : 1;
            // Weighted sampling without replacement: the largest u^(1/w) win.
            keys.add(new double[] {Math.pow(draw.nextDouble(), 1 / weight), index});
        }
        keys.sort(Comparator.comparingDouble((double[] key) -> key[0]).reversed());
        boolean[] chosen = new boolean[rows.size()];
        for (int pick = 0; pick < Math.min(sampleSize, keys.size()); pick++) {
            chosen[(int) keys.get(pick)[1]] = true;
        }
        List<BudgetMonth> sampled = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            BudgetMonth row = rows.get(index);
            sampled.add(new BudgetMonth(row.budgetId(), row.personId(), row.monthlyProfile(), row.spent(), row.spendFlag(),
                    row.directPaymentHeld(), row.directPaymentSurplus(), chosen[index]));
        }
        return sampled;
    }
}
