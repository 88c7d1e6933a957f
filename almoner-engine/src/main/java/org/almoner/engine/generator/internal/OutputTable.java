package org.almoner.engine.generator.internal;

import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.format.InputFile;

/** Every file the generator writes, with its path under the output folder and its header. */
public record OutputTable(String relativePath, List<String> columns, boolean pipelineInput) {

    public OutputTable {
        columns = List.copyOf(columns);
    }

    public static final OutputTable PEOPLE = new OutputTable("people.csv", InputFile.PEOPLE.columnNames(), true);
    public static final OutputTable DIAGNOSES = new OutputTable("diagnoses.csv", InputFile.DIAGNOSES.columnNames(), true);
    public static final OutputTable CONDITION_REGISTERS =
            new OutputTable("condition_registers.csv", InputFile.CONDITION_REGISTERS.columnNames(), true);
    public static final OutputTable GROUND_TRUTH_IDENTITIES = new OutputTable("ground-truth/identities.csv",
            List.of("source_system", "source_record_id", "person_id"), false);
    /** The true identity of every person, before data quality defaults were written over people.csv. */
    public static final OutputTable GROUND_TRUTH_PEOPLE = new OutputTable("ground-truth/people.csv",
            List.of("person_id", "nhs_number", "given_name", "family_name", "date_of_birth", "sex", "postcode",
                    "condition_count", "frailty", "intensity"), false);

    /** The activity file of a source system. */
    public static OutputTable activity(SourceSystem source) {
        return new OutputTable("activity/" + source.fileBaseName() + ".csv", InputFile.ACTIVITY.columnNames(), true);
    }

    /** All tables in the order the writer keeps them: fixed, so output is reproducible. */
    public static List<OutputTable> all() {
        List<OutputTable> tables = new ArrayList<>(List.of(PEOPLE, DIAGNOSES, CONDITION_REGISTERS));
        for (SourceSystem source : SourceSystem.values()) {
            tables.add(activity(source));
        }
        tables.add(GROUND_TRUTH_IDENTITIES);
        tables.add(GROUND_TRUTH_PEOPLE);
        return List.copyOf(tables);
    }

}
