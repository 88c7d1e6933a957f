package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.util.function.Consumer;
import org.almoner.engine.duckdb.Sql;

/**
 * The pipeline's probabilistic linkage stage: links the source people deterministic linkage could
 * not ({@code linkage_keys}) to spine people ({@code linkage_spine}) by Fellegi-Sunter, inside the
 * pseudonymisation boundary, and records each source person's best link at or above the link weight
 * in {@code supplementary_links}, by pseudonym only.
 */
public final class ProbabilisticLinker implements SupplementaryLinker {

    private final LinkSettings settings;
    private final Consumer<String> log;

    public ProbabilisticLinker(LinkSettings settings, Consumer<String> log) {
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public String method() {
        return "PROBABILISTIC";
    }

    @Override
    public long link(Connection connection) {
        long keys = Sql.queryLong(connection, "SELECT count(*) FROM linkage_keys");
        long spine = Sql.queryLong(connection, "SELECT count(*) FROM linkage_spine");
        if (keys == 0 || spine == 0) {
            return 0;
        }
        // One source person may be held under more than one identity; each is compared, and the
        // person's strongest link wins.
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE fs_pipeline_keys AS
                SELECT row_number() OVER ()::VARCHAR AS record_id, source_system, source_person_pseudonym,
                       given_name, family_name, TRY_CAST(date_of_birth AS DATE) AS date_of_birth, sex::VARCHAR AS sex, postcode
                FROM linkage_keys""");
        Sql.execute(connection, """
                CREATE OR REPLACE VIEW fs_pipeline_spine AS
                SELECT person_pseudonym AS record_id, given_name, family_name, TRY_CAST(date_of_birth AS DATE) AS date_of_birth,
                       sex::VARCHAR AS sex, postcode
                FROM linkage_spine""");
        FellegiSunterLinker linker = new FellegiSunterLinker(connection, settings, log);
        var counts = linker.prepare("fs_pipeline_keys", "fs_pipeline_spine");
        linker.checkComparisons(counts, "the pipeline's probabilistic linkage settings");
        linker.run(counts, false);
        long before = Sql.queryLong(connection, "SELECT count(*) FROM supplementary_links");
        Sql.execute(connection, """
                INSERT INTO supplementary_links
                SELECT k.source_system, k.source_person_pseudonym, arg_max(p.right_id, p.match_weight), '%s', max(p.match_weight)
                FROM fs_pairs p JOIN fs_pipeline_keys k ON k.record_id = p.left_id
                WHERE p.decision = 'LINK'
                GROUP BY k.source_system, k.source_person_pseudonym""".formatted(method()));
        return Sql.queryLong(connection, "SELECT count(*) FROM supplementary_links") - before;
    }
}
