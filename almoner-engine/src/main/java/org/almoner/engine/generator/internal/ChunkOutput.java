package org.almoner.engine.generator.internal;

import java.util.Arrays;
import java.util.List;

/** The formatted rows one chunk of people produces, one buffer per output table in {@link OutputTable#all()} order. */
public final class ChunkOutput {

    private static final int ACTIVITY_OFFSET = 3;

    private final ByteSink[] sinks;
    private final long[] rows;
    private int people;

    /** Buffers sized for {@code people}; reusable for later chunks through {@link #clear}. */
    public ChunkOutput(int people) {
        int tables = OutputTable.all().size();
        this.people = people;
        this.sinks = new ByteSink[tables];
        this.rows = new long[tables];
        for (int i = 0; i < tables; i++) {
            sinks[i] = new ByteSink(people * expectedBytesPerPerson(i));
        }
    }

    /** Rough bytes a person adds to a table, so buffers rarely need to grow. */
    private static int expectedBytesPerPerson(int table) {
        if (table == ACTIVITY_OFFSET + SourceSystem.EPD.ordinal()) {
            return 3200;
        } else if (table == ACTIVITY_OFFSET + SourceSystem.GP_ACTIVITY.ordinal()) {
            return 1500;
        } else if (table == ACTIVITY_OFFSET + SourceSystem.SUS_OP.ordinal()
                || table == ACTIVITY_OFFSET + SourceSystem.CSDS.ordinal()) {
            return 700;
        } else if (table == ACTIVITY_OFFSET + SourceSystem.values().length) {
            return 1200;
        }
        return 120;
    }

    /** Empties the buffers for another chunk of {@code newPeople}, keeping their capacity. */
    void clear(int newPeople) {
        people = newPeople;
        Arrays.fill(rows, 0);
        for (ByteSink sink : sinks) {
            sink.clear();
        }
    }

    ByteSink people() {
        return row(0);
    }

    ByteSink diagnoses() {
        return row(1);
    }

    ByteSink registers() {
        return row(2);
    }

    ByteSink activity(SourceSystem source) {
        return row(ACTIVITY_OFFSET + source.ordinal());
    }

    ByteSink identities() {
        return row(ACTIVITY_OFFSET + SourceSystem.values().length);
    }

    ByteSink truePeople() {
        return row(ACTIVITY_OFFSET + SourceSystem.values().length + 1);
    }

    private ByteSink row(int index) {
        rows[index]++;
        return sinks[index];
    }

    /** Buffers in {@link OutputTable#all()} order. */
    public List<ByteSink> buffers() {
        return List.of(sinks);
    }

    /** Rows written to each table, in {@link OutputTable#all()} order. */
    public long[] rowCounts() {
        return rows.clone();
    }

    public int peopleCount() {
        return people;
    }
}
