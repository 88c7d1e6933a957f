package org.almoner.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {

    @TempDir
    Path folder;

    private static final List<Contract> CONTRACTS = List.of(
            new Contract("C-1", "ICB", "R0C", "Community", "BLOCK", new BigDecimal("1000.00"), List.of("community")),
            new Contract("C-2", "ICB", "NH001", "Care home", "COST_PER_CASE", new BigDecimal("1000.00"), List.of("CHC_NURSING_HOME")));

    private final ScenarioFile reader = new ScenarioFile(Set.of("C-1", "C-2"), Set.of("frail", "children"),
            Set.of("V0001", "V0002"));

    private Path file(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static final String GOOD = """
            name: Test
            horizonYears: 3
            takeUpPercent:
              default: [1, 2, 3]
              frail: [5, 10, 15]
            """;

    @Test
    void readsAGoodFileWithTheStagedPlanAfterAnyMethodsListed() throws IOException {
        Scenario scenario = reader.read(file("good.yaml", GOOD + """
                methods:
                  - method: double_funding
                    toYear: 1
                """), CONTRACTS);

        assertThat(scenario.horizonYears()).isEqualTo(3);
        assertThat(scenario.takeUp("frail", 2)).isEqualByComparingTo("10");
        assertThat(scenario.takeUp("children", 3)).isEqualByComparingTo("3");
        assertThat(scenario.rules().get(0).method()).isEqualTo(ReleaseMethod.DOUBLE_FUNDING);
        assertThat(scenario.rules()).extracting(MethodRule::method).contains(ReleaseMethod.INDIVIDUALISED_COMMISSIONING);
        assertThat(scenario.stabilityThresholdPercent()).isEqualByComparingTo("3");
    }

    @Test
    void readsJsonToo() throws IOException {
        Scenario scenario = reader.read(file("good.json", """
                {"name": "Json", "horizonYears": 1, "takeUpPercent": {"default": [2]}, "plan": "methods",
                 "methods": [{"method": "CAPITATED_TOP_SLICE", "topSlicePercent": 4}]}
                """), CONTRACTS);

        assertThat(scenario.rules()).hasSize(1);
        assertThat(scenario.rules().get(0).parameters().get("topSlicePercent")).isEqualByComparingTo("4");
    }

    private void assertFails(String name, String text, String... expected) throws IOException {
        Path path = file(name, text);
        assertThatThrownBy(() -> reader.read(path, CONTRACTS))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.BAD_CONFIGURATION))
                .hasMessageContaining(path.toString())
                .hasMessageContainingAll(expected);
    }

    @Test
    void namesTheLineOfAMisspeltSetting() throws IOException {
        assertFails("misspelt.yaml", GOOD + "stabilityTreshold: 4\n",
                "line 6", "field stabilityTreshold", "'stabilityTreshold' is not a setting here", "Check the spelling");
    }

    @Test
    void namesTheLineOfAnUnknownMethod() throws IOException {
        assertFails("method.yaml", GOOD + "methods:\n  - method: TOP_SLICE_EVERYTHING\n",
                "line 7", "field methods.0.method", "is not a release method", "CAPITATED_TOP_SLICE");
    }

    @Test
    void refusesAContractNotInTheReferenceData() throws IOException {
        assertFails("contract.yaml", GOOD + "serviceIssues:\n  C-9: 5\n", "line 7", "no contract 'C-9'", "C-1, C-2");
    }

    @Test
    void refusesACohortThatDoesNotExist() throws IOException {
        assertFails("cohort.yaml", """
                name: Test
                horizonYears: 3
                takeUpPercent:
                  default: [1, 2, 3]
                  fraility: [5, 10, 15]
                """, "line 5", "no cohort 'fraility'", "children, frail");
    }

    @Test
    void refusesTakeUpForTheWrongNumberOfYears() throws IOException {
        assertFails("years.yaml", """
                name: Test
                horizonYears: 3
                takeUpPercent:
                  default: [1, 2]
                """, "line 4", "one take-up percentage for each of the 3 years", "found 2");
    }

    @Test
    void refusesDoubleFundingWithoutAnEnd() throws IOException {
        assertFails("double.yaml", GOOD + "methods:\n  - method: DOUBLE_FUNDING\n", "time-limited", "Add toYear");
    }

    @Test
    void refusesAParameterTheMethodDoesNotTake() throws IOException {
        assertFails("parameter.yaml", GOOD + "methods:\n  - method: LOCAL_CQUIN\n    topSlicePercent: 3\n",
                "line 8", "'topSlicePercent' is not a setting here", "cquinPercent");
    }

    @Test
    void refusesAPercentageOutOfRangeOrNotANumber() throws IOException {
        assertFails("range.yaml", GOOD + "chooseBackPercent: 130\n", "line 6", "out of range", "from 0 to 100");
        assertFails("words.yaml", GOOD + "contractGrowthPercent: lots\n", "line 6", "expected a number, found 'lots'");
    }

    @Test
    void refusesBudgetSpendingWithAnUnknownProviderOrOverAHundredPercent() throws IOException {
        assertFails("provider.yaml", GOOD + "budgetSpendingPercent:\n  V9999: 10\n", "line 7", "no provider 'V9999'");
        assertFails("spending.yaml", GOOD + "budgetSpendingPercent:\n  V0001: 60\n  V0002: 50\n", "line 7",
                "add up to 110%", "more than 100%");
    }

    @Test
    void refusesAMissingName() throws IOException {
        assertFails("unnamed.yaml", "horizonYears: 3\ntakeUpPercent:\n  default: [1, 2, 3]\n",
                "the setting 'name' is missing");
    }

    @Test
    void namesTheLineOfBrokenYaml() throws IOException {
        assertFails("broken.yaml", "name: Test\nhorizonYears: 3\ntakeUpPercent:\n  default: [1, 2, 3\n",
                "cannot be read", "Check the indentation");
    }

    @Test
    void saysWhenTheFileIsMissing() {
        Path missing = folder.resolve("nowhere.yaml");

        assertThatThrownBy(() -> reader.read(missing, CONTRACTS))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.INPUT_NOT_FOUND));
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertFails("empty.yaml", "", "is empty");
    }
}
