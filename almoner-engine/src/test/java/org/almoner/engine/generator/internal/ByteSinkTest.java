package org.almoner.engine.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSinkTest {

    private static String written(ByteSink sink) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sink.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotesOnlyFieldsHoldingCommasQuotesOrLineBreaks() throws IOException {
        ByteSink sink = new ByteSink(8);
        sink.text("O'Neil").text("Smith, John").text("say \"hi\"").text("two\nlines").text(null).text("Zoë").endRow();

        assertThat(written(sink)).isEqualTo("O'Neil,\"Smith, John\",\"say \"\"hi\"\"\",\"two\nlines\",,Zoë\n");
    }

    @Test
    void writesMoneyWithTwoDecimalsAndUnitsWithoutTrailingZeros() throws IOException {
        ByteSink sink = new ByteSink(8);
        sink.pence(12_345).pence(5).pence(0).hundredths(750).hundredths(225).hundredths(400).hundredths(25).endRow();

        assertThat(written(sink)).isEqualTo("123.45,0.05,0.00,7.5,2.25,4,0.25\n");
    }

    @Test
    void growsPastItsInitialCapacity() throws IOException {
        ByteSink sink = new ByteSink(1);
        for (int i = 0; i < 1_000; i++) {
            sink.number(i).text("Taylor").endRow();
        }

        String text = written(sink);
        assertThat(text.lines()).hasSize(1_000).startsWith("0,Taylor").endsWith("999,Taylor");
    }
}
