package org.almoner.platform.budgets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerationListener;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.platform.budgets.IndicativeLine;
import org.almoner.platform.budgets.StatementOfResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indicative budget read from a real pipeline output over a generated population. */
class LinkedDataSetStatementsTest {

    @TempDir
    static Path folder;

    private static Path output;

    @BeforeAll
    static void runThePipeline() throws Exception {
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(400, 11, input), GenerationListener.none());
        output = folder.resolve("output");
        PseudonymisationKey key = PseudonymisationKey.of(PseudonymisationKey.newKeyText(new SecureRandom()), "test");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, output, null, key,
                LocalDate.of(2025, 6, 1), 30, true, DuckDbSettings.defaults()));
    }

    @Test
    void theIndicativeBudgetIsTheCostOfTheLatestYearsServicesThatCanBeInABudget() throws Exception {
        String pseudonym;
        BigDecimal expected;
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults()); Statement sql = duckdb.createStatement()) {
            // Worked out independently: the person with most social care and community cost, and the sum
            // of their latest year's costed activity outside hospital, primary care and prescribing.
            String activity = "read_parquet(" + DuckDb.literal(output.resolve("linked/activity.parquet").toString()) + ")";
            try (ResultSet row = sql.executeQuery("""
                    WITH latest AS (SELECT person_pseudonym, max(financial_year) AS financial_year FROM %1$s
                                    WHERE person_pseudonym IS NOT NULL AND cost IS NOT NULL GROUP BY ALL)
                    SELECT a.person_pseudonym,
                           sum(a.cost) FILTER (WHERE a.setting NOT IN ('admitted_patient_care', 'outpatients', 'a_and_e',
                                                                        'primary_care', 'prescribing')) AS included
                    FROM %1$s a JOIN latest USING (person_pseudonym, financial_year)
                    WHERE a.cost IS NOT NULL
                    GROUP BY ALL ORDER BY included DESC NULLS LAST, a.person_pseudonym LIMIT 1
                    """.formatted(activity))) {
                row.next();
                pseudonym = row.getString(1);
                expected = row.getBigDecimal(2);
            }
        }

        StatementOfResources statement = new LinkedDataSetStatements(output.toString()).forPseudonym(pseudonym).orElseThrow();

        assertThat(statement.indicativeBudget()).isEqualByComparingTo(expected);
        assertThat(statement.source()).contains("financial year");
        assertThat(statement.lines()).allSatisfy(line -> {
            assertThat(line.provider()).isNotBlank();
            assertThat(line.costingMethod()).isNotBlank();
            if (!line.includedInBudget()) {
                assertThat(line.whenCouldBeIncluded()).isNotBlank();
            }
        });
        assertThat(statement.lines()).filteredOn(IndicativeLine::includedInBudget).isNotEmpty();
    }

    @Test
    void prescribingIsListedButNeverIncluded() {
        StatementOfResources anyone = firstWithPrescribing();

        assertThat(anyone.lines()).filteredOn(line -> line.service().equals("PRESCRIPTION"))
                .allSatisfy(line -> {
                    assertThat(line.includedInBudget()).isFalse();
                    assertThat(line.whenCouldBeIncluded()).startsWith("Never");
                });
    }

    @Test
    void saysNothingForSomeoneNotInTheLinkedDataSetOrWithoutAnOutput() {
        assertThat(new LinkedDataSetStatements(output.toString()).forPseudonym("0".repeat(32))).isEmpty();
        assertThat(new LinkedDataSetStatements("").forPseudonym("0".repeat(32))).isEmpty();
        assertThat(new LinkedDataSetStatements(folder.resolve("nowhere").toString()).forPseudonym("0".repeat(32))).isEmpty();
    }

    private static StatementOfResources firstWithPrescribing() {
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults()); Statement sql = duckdb.createStatement();
                ResultSet row = sql.executeQuery("SELECT person_pseudonym FROM read_parquet("
                        + DuckDb.literal(output.resolve("linked/activity.parquet").toString())
                        + ") WHERE setting = 'prescribing' AND person_pseudonym IS NOT NULL ORDER BY 1 LIMIT 1")) {
            row.next();
            return new LinkedDataSetStatements(output.toString()).forPseudonym(row.getString(1)).orElseThrow();
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
