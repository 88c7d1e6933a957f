package org.almoner.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FhirImportCommandTest {

    @TempDir
    Path out;

    @Test
    void writesActivityAndDiagnosesIntoTheOutputFolderAndPrintsCountsAndSkipReasons() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(new FhirImportCommand()).setOut(new PrintWriter(printed));

        int exitCode = command.execute("--in", FhirImportTest.resource("hospital").toString(), "--out", out.toString());

        assertThat(exitCode).isZero();
        assertThat(CsvTestFile.read(out.resolve("activity/fhir.csv")).rows()).hasSize(7);
        assertThat(CsvTestFile.read(out.resolve("diagnoses-fhir.csv")).rows()).hasSize(2);
        assertThat(printed.toString())
                .contains("Read 18 resources from 1 files.")
                .contains("hospital-bundle.json: 18 resources, 7 activity rows, 2 diagnoses, 4 skipped")
                .contains("Wrote 7 activity rows to " + out.resolve("activity/fhir.csv"))
                .contains("Wrote 2 diagnoses to " + out.resolve("diagnoses-fhir.csv"))
                .contains("Skipped 4 resources:")
                .contains("1 Encounter: no period.start")
                .contains("1 ExplanationOfBenefit: the amount is in USD");
    }

    @Test
    void refusesToRunWithoutAnInputFolder() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new FhirImportCommand()).setErr(new PrintWriter(errors));

        int exitCode = command.execute("--out", out.toString());

        assertThat(exitCode).isNotZero();
        assertThat(errors.toString()).contains("--in");
    }
}
