package org.almoner.engine.stratification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeListsTest {

    @Test
    void everyCodeListCitesItsPublishedSourceBeforeItsRows() throws IOException {
        for (String file : CodeLists.FILES.values()) {
            List<String> comments = lines(file).stream().takeWhile(line -> line.startsWith("#")).toList();

            assertThat(comments).as("comment lines of %s", file).isNotEmpty();
            assertThat(String.join(" ", comments)).as("%s names a source with its year", file)
                    .containsPattern("(Source|Codes|Weights): .*\\b(19|20)\\d\\d\\b");
        }
    }

    @Test
    void everyRangeOfCodesRunsFromAPrefixToANoSmallerPrefixOfTheSameLength() throws IOException {
        for (String file : List.of("charlson.csv", "elixhauser.csv", "cambridge-multimorbidity.csv", "long-term-conditions.csv")) {
            for (String line : lines(file)) {
                if (line.startsWith("#") || !line.contains(",")) {
                    continue;
                }
                for (String part : line.split(",")[2].split(" ")) {
                    if (part.contains("-")) {
                        String[] range = part.split("-");
                        assertThat(range).as("%s: %s", file, part).hasSize(2);
                        assertThat(range[0]).as("%s: %s", file, part).hasSameSizeAs(range[1]);
                        assertThat(range[0].compareTo(range[1])).as("%s: %s", file, part).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = CodeLists.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
