package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.format.ColumnType;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;

/**
 * The ingest stage's SQL, shared by the DuckDB pipeline and the Spark runner: the row rules that type
 * each file's text columns and give each row its reject reason, then the rules that depend on other rows
 * (duplicate keys, unknown people), then the loaded rows the later stages read.
 *
 * <p>Relations, in order: {@code <kind>_ingested} (the engine's own, from {@link #typedRows}), then
 * {@link #duplicateRelations} ({@code duplicate_people}, {@code duplicate_activity}), then
 * {@link #checkedRelations}: {@code people_checked},
 * {@code activity_checked}, {@code people_in_spine}, {@code diagnoses_checked},
 * {@code condition_registers_checked}, and {@code people_in}, {@code diagnoses_in},
 * {@code condition_registers_in}, {@code activity_in}.
 */
public final class IngestDefinitions {

    private IngestDefinitions() {
    }

    /**
     * Typed values, invalid flags, the reject reason and the source file of every row of {@code source}
     * (a relation of the format's columns as text).
     *
     * @param sourceFile a SQL expression naming the file each row came from
     */
    public static String typedRows(InputFile format, String source, String sourceFile, SqlDialect dialect) {
        requireNonNull(format, "format is null");
        requireNonNull(source, "source is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(dialect, "dialect is null");
        return "SELECT " + TypedColumns.selectList(format) + ", " + sourceFile + " AS source_file FROM "
                + TypedColumns.prepared(format, source, dialect);
    }

    /** The columns of {@code <kind>_ingested}, in order: the typed columns, {@code reject}, {@code source_file} (and {@code activity_id} for activity). */
    public static List<String> ingestedColumns(InputFile format) {
        List<String> names = new ArrayList<>(TypedColumns.selectedNames(format));
        names.add("source_file");
        if (format == InputFile.ACTIVITY) {
            names.add("activity_id");
        }
        return names;
    }

    /**
     * Keys that must be unique and are not: {@code duplicate_people} and {@code duplicate_activity}, made before {@link #checkedRelations}.
     *
     * <p>Activity keys are grouped by their hash first: grouping tens of millions of pairs of strings
     * was most of the ingest's duplicate check, and a hash table of numbers costs a fraction of it.
     * Only keys whose hash repeats (true duplicates, and the rare collision) are then grouped exactly,
     * so the result is the same as grouping the strings.
     */
    public static List<Relation> duplicateRelations() {
        return List.of(Relation.table("duplicate_people", """
                SELECT person_id, count(*) AS occurrences FROM people_ingested WHERE reject IS NULL
                GROUP BY person_id HAVING count(*) > 1"""), Relation.table("duplicate_activity", """
                WITH repeated_hashes AS (
                    SELECT hash(source_system, source_record_id) AS key_hash FROM activity_ingested WHERE reject IS NULL
                    GROUP BY hash(source_system, source_record_id) HAVING count(*) > 1)
                SELECT a.source_system, a.source_record_id, count(*) AS occurrences
                FROM activity_ingested a JOIN repeated_hashes r ON r.key_hash = hash(a.source_system, a.source_record_id)
                WHERE a.reject IS NULL
                GROUP BY a.source_system, a.source_record_id HAVING count(*) > 1"""));
    }

    /**
     * The rules that depend on other rows, and the loaded rows. Keys that must be unique, and are not,
     * reject every row holding them; diagnoses and registers must name a person who was loaded.
     *
     * @param activityDuplicatesFound whether {@code duplicate_activity} has rows; when it has none the
     *     activity is not joined to it, as joining tens of millions of rows to an empty table still costs a pass
     */
    public static List<Relation> checkedRelations(boolean activityDuplicatesFound) {
        List<Relation> relations = new ArrayList<>();
        relations.add(Relation.view("people_checked", "SELECT " + columnsWithReject(InputFile.PEOPLE, "coalesce(t.reject, CASE WHEN"
                + " d.person_id IS NOT NULL THEN " + RejectRules.duplicatePerson("d.person_id", "CAST(d.occurrences AS STRING)")
                + " END)") + " FROM people_ingested t LEFT JOIN duplicate_people d ON d.person_id = t.person_id"));
        relations.add(Relation.view("activity_checked", activityDuplicatesFound
                ? "SELECT " + columnsWithReject(InputFile.ACTIVITY, "coalesce(t.reject, CASE WHEN d.source_record_id IS NOT NULL THEN "
                        + RejectRules.duplicateRecord("d.source_system", "d.source_record_id", "CAST(d.occurrences AS STRING)")
                        + " END)") + " FROM activity_ingested t LEFT JOIN duplicate_activity d"
                        + " ON d.source_system = t.source_system AND d.source_record_id = t.source_record_id"
                : "SELECT * FROM activity_ingested"));
        relations.add(Relation.view("people_in_spine", "SELECT person_id FROM people_checked WHERE reject IS NULL"));
        for (InputFile format : List.of(InputFile.DIAGNOSES, InputFile.CONDITION_REGISTERS)) {
            // A join rather than NOT EXISTS: Spark allows a subquery predicate only in a filter. The spine
            // holds each person once (duplicates are rejected), so the join adds no rows.
            relations.add(Relation.view(Ingest.checked(format), "SELECT " + columnsWithReject(format, "coalesce(t.reject,"
                    + " CASE WHEN p.person_id IS NULL THEN " + RejectRules.unknownPerson("t.person_id") + " END)")
                    + " FROM " + Ingest.table(format) + " t LEFT JOIN people_in_spine p ON p.person_id = t.person_id"));
        }
        for (InputFile format : InputFile.values()) {
            relations.add(Relation.view(format.baseName() + "_in", loadedRows(format)));
        }
        return List.copyOf(relations);
    }

    /** The loaded rows of one kind: every typed column a later stage may read, without the flags. */
    private static String loadedRows(InputFile format) {
        String columns = format.columns().stream()
                .flatMap(column -> column.type() == ColumnType.NHS_NUMBER
                        ? Stream.of(column.name(), column.name() + "_status")
                        : Stream.of(column.name()))
                .map(name -> identifier(name))
                .collect(Collectors.joining(", "));
        String id = format == InputFile.ACTIVITY ? "activity_id, " : "";
        return "SELECT " + id + columns + ", source_file FROM " + Ingest.checked(format) + " WHERE reject IS NULL";
    }

    /** Every column of {@code t}, the {@code <kind>_ingested} relation, with its reject reason replaced by {@code reject}. */
    private static String columnsWithReject(InputFile format, String reject) {
        return ingestedColumns(format).stream()
                .map(name -> name.equals("reject") ? reject + " AS reject" : "t." + identifier(name))
                .collect(Collectors.joining(", "));
    }
}
