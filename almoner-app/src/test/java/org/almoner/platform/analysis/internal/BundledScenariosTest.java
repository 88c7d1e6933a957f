package org.almoner.platform.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The release scenarios an analysis compares are the ones docs/examples describes, not copies that drifted. */
class BundledScenariosTest {

    @Test
    void theBundledReleaseScenariosAreTheDocumentedExamples() throws Exception {
        for (String name : new String[] {"release-staged.yaml", "release-fast-capitation.yaml"}) {
            try (InputStream bundled = AnalysisSteps.class.getResourceAsStream(name)) {
                assertThat(bundled).as(name + " in the jar").isNotNull();
                assertThat(new String(bundled.readAllBytes(), StandardCharsets.UTF_8)).as(name)
                        .isEqualTo(Files.readString(Path.of("../docs/examples", name), StandardCharsets.UTF_8));
            }
        }
    }
}
