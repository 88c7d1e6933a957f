package org.almoner.platform.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerationListener;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person recorded with an NHS number gets the pseudonym the pipeline gave them under the same key. */
class AnalyticsLinkTest {

    @Test
    void linksPeopleToTheirRecordInTheLinkedDataSet(@TempDir Path folder) throws Exception {
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(150, 5, input), GenerationListener.none());
        Path keyFile = folder.resolve("area.key");
        Files.writeString(keyFile, PseudonymisationKey.newKeyText(new SecureRandom()) + "\n");
        Path output = folder.resolve("output");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, output, null,
                PseudonymisationKey.fromFile(keyFile), LocalDate.of(2025, 6, 1), 30, true, DuckDbSettings.defaults()));
        AnalyticsLink link = new AnalyticsLink(keyFile.toString());

        Set<String> published = new HashSet<>();
        int linked = 0;
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults()); Statement sql = duckdb.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT person_pseudonym FROM read_parquet("
                    + DuckDb.literal(output.resolve("linked/people.parquet").toString()) + ")")) {
                while (rows.next()) {
                    published.add(rows.getString(1));
                }
            }
            try (ResultSet rows = sql.executeQuery("SELECT nhs_number FROM read_csv(" + DuckDb.literal(input.resolve("people.csv").toString())
                    + ", all_varchar = true) WHERE nhs_number IS NOT NULL QUALIFY count(*) OVER (PARTITION BY nhs_number) = 1")) {
                while (rows.next()) {
                    assertThat(published).contains(link.pseudonymFor(rows.getString(1)).orElseThrow());
                    linked++;
                }
            }
        }
        assertThat(linked).isGreaterThan(100);
        assertThat(new AnalyticsLink("").pseudonymFor("9990000018")).isEmpty();
    }
}
