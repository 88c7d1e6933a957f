package org.almoner.engine.pipeline;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.format.Setting;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;

/**
 * The per-person annual summary's definition, shared by every engine: one row per person of the spine
 * and financial year they were alive in, with cost and activity by setting. It reads
 * {@code activity_published} (the costed activity as written), {@code spine_keys} and
 * {@code people_pseudonymised}.
 */
public final class PersonYearSummary {

    private PersonYearSummary() {
    }

    /** The relation {@code person_year_summary}, with one cost and one activity column per setting, so it never lags the setting list. */
    public static Relation relation() {
        String aggregates = Stream.of(Setting.values())
                .map(setting -> "           CAST(coalesce(sum(cost) FILTER (WHERE setting = '%1$s'), 0) AS DECIMAL(18,2)) AS cost_%1$s,\n"
                        .formatted(setting.code())
                        + "           count(*) FILTER (WHERE setting = '%1$s') AS activity_%1$s,".formatted(setting.code()))
                .collect(Collectors.joining("\n"));
        String columns = Stream.of(Setting.values())
                .map(setting -> ("       CAST(coalesce(a.cost_%1$s, 0) AS DECIMAL(18,2)) AS cost_%1$s,"
                        + " coalesce(a.activity_%1$s, 0) AS activity_%1$s,").formatted(setting.code()))
                .collect(Collectors.joining("\n"));
        String query = Sql.resource(PersonYearSummary.class, "person-year-summary.sql")
                .replace("${setting_aggregates}", aggregates)
                .replace("${setting_columns}", columns)
                .replace("${age_at_year_start}", SqlDialect.wholeYears("y.year_start", "k.date_of_birth"))
                .strip();
        return Relation.table("person_year_summary", query);
    }
}
