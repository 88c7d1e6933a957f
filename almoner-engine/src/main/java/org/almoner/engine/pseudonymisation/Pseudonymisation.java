package org.almoner.engine.pseudonymisation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;

/**
 * The pseudonymisation stage: from the ingested tables ({@code people_in}, {@code diagnoses_in},
 * {@code condition_registers_in}) it builds the person spine under pseudonyms and the pseudonym
 * look-ups the linkage stage joins activity to.
 *
 * <p>Tables made: {@code people_pseudonymised} (no names, NHS number, date of birth or full
 * postcode: year of birth, age, postcode district instead), {@code diagnoses_pseudonymised},
 * {@code condition_registers_pseudonymised}, and the internal {@code spine_keys} (NHS number to
 * pseudonym and date of birth) and {@code local_pseudonyms} (for records the NHS number cannot link, a source's own person identifier to its
 * pseudonym), which stay inside the work database and are never published.
 */
public final class Pseudonymisation {

    /** Pseudonym domains: kept apart so equal text in two kinds of identifier never collides. */
    static final String NHS_NUMBER_DOMAIN = "nhs";
    static final String PERSON_DOMAIN = "person";
    static final String LOCAL_DOMAIN = "local";

    private final Connection connection;
    private final Pseudonymiser pseudonymiser;
    private final LocalDate asOf;

    public Pseudonymisation(Connection connection, Pseudonymiser pseudonymiser, LocalDate asOf) {
        this.connection = requireNonNull(connection, "connection is null");
        this.pseudonymiser = requireNonNull(pseudonymiser, "pseudonymiser is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    /** Builds the pseudonymised tables; {@code percentDone} hears progress from 0 to 100. */
    public PseudonymisationResult run(DoubleConsumer percentDone) {
        List<Relation> relations = definitions(pseudonymiser, asOf, SqlDialect.DUCKDB);
        double[] progressAfter = {30, 45, 65, 75, 100};
        double from = 0;
        for (int i = 0; i < relations.size(); i++) {
            Sql.define(connection, relations.get(i), scaled(percentDone, from, progressAfter[i]));
            from = progressAfter[i];
        }
        return new PseudonymisationResult(
                Sql.queryLong(connection, COUNTS.get(0)),
                Sql.queryLong(connection, COUNTS.get(1)),
                Sql.queryLong(connection, COUNTS.get(2)),
                Sql.queryLong(connection, COUNTS.get(3)),
                pseudonymiser.keyFingerprint());
    }

    /**
     * The queries counting, in order, the people pseudonymised, the people linkable by NHS number, the
     * people whose NHS number another holds too, and the source people under a local pseudonym.
     */
    public static final List<String> COUNTS = List.of(
            "SELECT count(*) FROM people_pseudonymised",
            "SELECT count(*) FROM spine_keys WHERE nhs_number IS NOT NULL",
            "SELECT count(*) FROM spine_keys WHERE ambiguous_nhs_number",
            "SELECT count(*) FROM local_pseudonyms");

    /**
     * The stage's relations, in order: {@code spine_keys}, {@code people_pseudonymised},
     * {@code diagnoses_pseudonymised}, {@code condition_registers_pseudonymised}, {@code local_pseudonyms}.
     * They read {@code people_in}, {@code diagnoses_in}, {@code condition_registers_in} and {@code activity_in}.
     * The queries hold key material: never log them.
     */
    public static List<Relation> definitions(Pseudonymiser pseudonymiser, LocalDate asOf, SqlDialect dialect) {
        requireNonNull(pseudonymiser, "pseudonymiser is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(dialect, "dialect is null");
        String nhsPseudonym = pseudonymiser.sqlExpression(NHS_NUMBER_DOMAIN, "nhs_number", dialect);
        String personPseudonym = pseudonymiser.sqlExpression(PERSON_DOMAIN, "person_id", dialect);
        String localPseudonym = pseudonymiser.sqlExpression(LOCAL_DOMAIN, "source_system || ':' || local_person_id", dialect);
        String asOfLiteral = "DATE '" + asOf + "'";
        return List.of(
                // An NHS number held by two people in the spine cannot say which of them an activity row is
                // about, so it links neither; those people keep a pseudonym of their spine identifier.
                Relation.table("spine_keys", """
                        WITH numbered AS (
                            SELECT person_id, nhs_number, date_of_birth, sex,
                                   count(*) OVER (PARTITION BY nhs_number) AS holders
                            FROM people_in)
                        SELECT person_id,
                               CASE WHEN nhs_number IS NOT NULL AND holders = 1 THEN nhs_number END AS nhs_number,
                               CASE WHEN nhs_number IS NOT NULL AND holders = 1 THEN %s ELSE %s END AS person_pseudonym,
                               nhs_number IS NOT NULL AND holders > 1 AS ambiguous_nhs_number,
                               date_of_birth, sex
                        FROM numbered""".formatted(nhsPseudonym, personPseudonym)),
                Relation.table("people_pseudonymised", """
                        SELECT k.person_pseudonym,
                               year(p.date_of_birth) AS year_of_birth,
                               %1$s AS age,
                               p.sex,
                               nullif(split_part(p.postcode, ' ', 1), '') AS postcode_district,
                               p.ethnicity, p.deprivation_decile, p.gp_practice, p.pcn,
                               p.chc, p.childrens_continuing_care, p.section_117, p.wheelchair_service,
                               p.learning_disability_autism, p.ehc_plan,
                               p.activation_score, p.activation_date, p.date_of_death,
                               p.nhs_number_status
                        FROM people_in p JOIN spine_keys k ON k.person_id = p.person_id"""
                        .formatted(SqlDialect.wholeYears(asOfLiteral, "p.date_of_birth"))),
                Relation.table("diagnoses_pseudonymised", """
                        SELECT k.person_pseudonym, d.code_system, d.code, d.recorded_date
                        FROM diagnoses_in d JOIN spine_keys k ON k.person_id = d.person_id"""),
                Relation.table("condition_registers_pseudonymised", """
                        SELECT k.person_pseudonym, r.register, r.added_date
                        FROM condition_registers_in r JOIN spine_keys k ON k.person_id = r.person_id"""),
                // Only records that the NHS number cannot link need their source's own identifier under a
                // pseudonym (for supplementary linkage); keeping the look-up to those keeps it small.
                Relation.table("local_pseudonyms", """
                        SELECT source_system, local_person_id, %s AS source_person_pseudonym
                        FROM (SELECT DISTINCT a.source_system, a.local_person_id
                              FROM activity_in a LEFT JOIN spine_keys k ON a.nhs_number = k.nhs_number
                              WHERE a.local_person_id IS NOT NULL AND k.person_id IS NULL) s""".formatted(localPseudonym)));
    }

    static DoubleConsumer scaled(DoubleConsumer percentDone, double from, double to) {
        return percent -> percentDone.accept(from + (to - from) * percent / 100.0);
    }
}
