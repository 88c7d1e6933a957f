package org.almoner.engine.capitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapitationSettingsTest {

    @TempDir
    Path folder;

    @Test
    void readsCorridorsAndQualityConditions() throws IOException {
        Path file = Files.writeString(folder.resolve("capitation.yaml"), """
                baseYear: "2023/24"
                upliftPercent: 2.5
                corridors:
                  - {fromPercent: 0, toPercent: 1, providerSharePercent: 100}
                  - {fromPercent: 1, providerSharePercent: 25}
                qualityConditions:
                  - name: care plans for 90% of the cohort
                    met: no
                    gainWithheldPercent: 20
                """);

        CapitationSettings settings = CapitationSettings.read(file);

        assertThat(settings.baseYear()).hasToString("2023/24");
        assertThat(settings.upliftPercent()).isEqualByComparingTo("2.5");
        assertThat(settings.sharing().corridors()).hasSize(2);
        assertThat(settings.sharing().corridors().get(1).toPercent()).isNull();
        assertThat(settings.sharing().qualityConditions().get(0).met()).isFalse();
    }

    private void assertFails(String text, String... expected) throws IOException {
        Path file = Files.writeString(folder.resolve("bad.yaml"), text);
        assertThatThrownBy(() -> CapitationSettings.read(file))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.BAD_CONFIGURATION))
                .hasMessageContaining(file.toString())
                .hasMessageContainingAll(expected);
    }

    @Test
    void namesTheLineOfACorridorThatLeavesAGap() throws IOException {
        assertFails("""
                corridors:
                  - fromPercent: 0
                    toPercent: 2
                    providerSharePercent: 100
                  - fromPercent: 3
                    providerSharePercent: 0
                """, "line 5", "field corridors.1.fromPercent", "must start at 2%");
    }

    @Test
    void refusesAnOpenCorridorBeforeTheLast() throws IOException {
        assertFails("""
                corridors:
                  - fromPercent: 0
                    providerSharePercent: 100
                  - fromPercent: 2
                    providerSharePercent: 0
                """, "line 2", "only the last corridor may leave out toPercent");
    }

    @Test
    void refusesAYearThatIsNotAFinancialYear() throws IOException {
        assertFails("baseYear: 2023\n", "line 1", "field baseYear", "not a financial year", "2024/25");
    }

    @Test
    void refusesAPaymentYearBeforeTheBaseYear() throws IOException {
        assertFails("baseYear: \"2024/25\"\npaymentYear: \"2023/24\"\n", "line 2", "must come after the base year");
    }

    @Test
    void refusesAShareOverAHundredPercent() throws IOException {
        assertFails("qualityConditions:\n  - name: plans\n    met: true\n    gainWithheldPercent: 150\n",
                "line 4", "field qualityConditions.0.gainWithheldPercent", "from 0 to 100");
    }
}
