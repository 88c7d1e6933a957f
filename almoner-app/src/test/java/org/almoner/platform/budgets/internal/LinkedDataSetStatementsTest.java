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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's indicative budget is the engine's statement of resources for the person, read from a real pipeline output. */
class LinkedDataSetStatementsTest {

    @TempDir
    static Path folder;

    private static Path output;
    private static LinkedDataSetStatements statements;

    @BeforeAll
    static void runThePipeline() {
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(400, 11, input), GenerationListener.none());
        output = folder.resolve("output");
        PseudonymisationKey key = PseudonymisationKey.of(PseudonymisationKey.newKeyText(new SecureRandom()), "test");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, output, null, key,
                LocalDate.of(2025, 6, 1), 30, true, DuckDbSettings.defaults()));
        statements = new LinkedDataSetStatements(output.toString(), "");
    }

    @AfterAll
    static void close() {
        statements.destroy();
    }

    @Test
    void theIndicativeBudgetComesWithItsLinesAndItsWorking() throws Exception {
        StatementOfResources statement = statements.forPseudonym(personWith("social_care")).orElseThrow();

        BigDecimal included = statement.lines().stream().filter(IndicativeLine::includedInBudget).map(IndicativeLine::annualCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(included).isPositive();
        // The first step states the cost of what can be in the budget; the last states the budget the working arrived at.
        assertThat(statement.steps().getFirst()).contains(String.format(java.util.Locale.UK, "£%,.2f", included));
        assertThat(statement.steps().getLast()).startsWith("Indicative budget: " + String.format(java.util.Locale.UK, "£%,.2f",
                statement.indicativeBudget()));
        assertThat(statement.indicativeBudget()).isPositive();
        assertThat(statement.source()).contains("financial year").contains("statement rules");
        assertThat(statement.lines()).allSatisfy(line -> {
            assertThat(line.provider()).isNotBlank();
            if (!line.includedInBudget()) {
                assertThat(line.whenCouldBeIncluded()).isNotBlank();
            }
        });
    }

    @Test
    void prescribingIsListedButNeverIncluded() throws Exception {
        StatementOfResources statement = statements.forPseudonym(personWith("prescribing")).orElseThrow();

        assertThat(statement.lines()).filteredOn(line -> line.purpose() != null && line.purpose().toLowerCase().contains("prescri"))
                .isNotEmpty().allSatisfy(line -> assertThat(line.includedInBudget()).isFalse());
    }

    @Test
    void saysNothingForSomeoneNotInTheLinkedDataSetOrWithoutAnOutput() {
        assertThat(statements.forPseudonym("0".repeat(32))).isEmpty();
        assertThat(new LinkedDataSetStatements("", "").forPseudonym("0".repeat(32))).isEmpty();
        assertThat(new LinkedDataSetStatements(folder.resolve("nowhere").toString(), "").forPseudonym("0".repeat(32))).isEmpty();
    }

    private static String personWith(String setting) throws Exception {
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults()); Statement sql = duckdb.createStatement();
                ResultSet row = sql.executeQuery("SELECT person_pseudonym FROM read_parquet("
                        + DuckDb.literal(output.resolve("linked/activity.parquet").toString()) + ") WHERE setting = '" + setting
                        + "' AND person_pseudonym IS NOT NULL AND cost IS NOT NULL AND financial_year = '2024/25'"
                        + " GROUP BY 1 ORDER BY sum(cost) DESC LIMIT 1")) {
            row.next();
            return row.getString(1);
        }
    }
}
