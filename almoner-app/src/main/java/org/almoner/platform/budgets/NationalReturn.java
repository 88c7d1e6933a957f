package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts national personal health budget reporting asks for, from what was recorded along the
 * way: budgets in place on a day, by eligibility category, adult or child, delivery mode, and
 * one-off or ongoing, with the yearly amount. No one is named in it.
 */
@Component
public class NationalReturn {

    /** One group of budgets in place. */
    public record Row(String eligibilityCategory, String ageGroup, String deliveryMode, String duration, long budgets,
            BigDecimal totalAmount) {}

    private final JdbcClient jdbc;

    NationalReturn(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /** Budgets of the organisation's people in place on {@code asOf}. */
    public List<Row> inPlaceOn(LocalDate asOf, String organisation) {
        return jdbc.sql("""
                        WITH in_place AS (
                            SELECT b.*,
                                   CASE WHEN (b.notional_amount > 0)::int + (b.third_party_amount > 0)::int
                                             + (b.direct_payment_amount > 0)::int > 1 THEN 'MIXED'
                                        WHEN b.direct_payment_amount > 0 THEN 'DIRECT_PAYMENT'
                                        WHEN b.third_party_amount > 0 THEN 'THIRD_PARTY'
                                        ELSE 'NOTIONAL' END AS delivery_mode
                            FROM budgets b JOIN people p ON p.id = b.person_id
                            WHERE p.responsible_organisation = :organisation
                              AND b.status IN ('ACTIVE', 'ENDED')
                              AND b.start_date <= :asOf AND (b.end_date IS NULL OR b.end_date >= :asOf))
                        SELECT eligibility_category, age_group, delivery_mode,
                               CASE WHEN ongoing THEN 'ONGOING' ELSE 'ONE_OFF' END AS duration,
                               count(*) AS budgets, sum(final_amount) AS total_amount
                        FROM in_place
                        GROUP BY 1, 2, 3, 4
                        ORDER BY 1, 2, 3, 4
                        """)
                .param("organisation", organisation)
                .param("asOf", Date.valueOf(asOf))
                .query((row, number) -> new Row(row.getString("eligibility_category"), row.getString("age_group"),
                        row.getString("delivery_mode"), row.getString("duration"), row.getLong("budgets"),
                        row.getBigDecimal("total_amount")))
                .list();
    }
}
