package org.almoner.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatDocumentationTest {

    @Test
    void documentedFormatsMatchWhatTheEngineReads() throws IOException {
        // Maven runs tests from the module folder; the docs live at the repository root.
        String documentation = Files.readString(Path.of("..", "docs", "formats.md"));
        for (InputFile file : InputFile.values()) {
            assertThat(documentation)
                    .as("docs/formats.md must hold the column table of %s exactly as FormatDocumentation writes it", file)
                    .contains(FormatDocumentation.columnTable(file));
        }
    }

    @Test
    void everySettingIsDocumented() throws IOException {
        String documentation = Files.readString(Path.of("..", "docs", "formats.md"));
        for (Setting setting : Setting.values()) {
            assertThat(documentation).contains("`" + setting.code() + "`");
        }
    }
}
