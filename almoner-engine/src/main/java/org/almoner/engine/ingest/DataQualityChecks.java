package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.identifier;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.Column;
import org.almoner.engine.format.ColumnType;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.quality.DataQualityReport;
import org.almoner.engine.quality.FieldQuality;
import org.almoner.engine.quality.Measure;
import org.almoner.engine.quality.QualityMeasures;
import org.almoner.engine.quality.QualitySettings;
import org.almoner.engine.quality.SourceQuality;
import org.almoner.engine.quality.Timeliness;
import org.almoner.engine.stages.SqlDialect;

/**
 * Computes the data quality report from the checked relations ({@code people_checked} and the others, as
 * {@link IngestDefinitions#checkedRelations} defines them): one aggregate query per kind of file (a single pass,
 * however many fields), the days from activity to record per file, the source systems and the reject reasons. The
 * queries are the same on DuckDB and Spark but for {@link SqlDialect}; the counts they return are made into the
 * report here, in Java, so both engines rate and round alike. The quantiles of timeliness are worked out from the
 * count of records at each whole number of days, exactly, as {@code quantile_cont} would: no engine's approximation.
 */
public final class DataQualityChecks {

    /** Runs one query of the engine's SQL and returns its rows, each as its column values (numbers, text or NULL). */
    @FunctionalInterface
    public interface Queries {
        List<List<Object>> rows(String sql);
    }

    /** QOF register codes (NHS Digital, Quality and Outcomes Framework business rules). */
    private static final List<String> REGISTERS = List.of("AF", "AST", "CAN", "CHD", "CKD", "COPD", "CVDPP", "DEM", "DEP",
            "DM", "EP", "HF", "HYP", "LD", "MH", "NDH", "OB", "OST", "PAD", "PC", "RA", "STIA");
    /** NHS ethnic category codes (NHS Data Dictionary, Ethnic Category), Z not stated, 99 not known. */
    private static final List<String> ETHNICITY = List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N",
            "P", "R", "S", "Z", "99");

    /**
     * Optional fields whose gaps matter wherever they occur: the identifiers linkage depends on, the
     * recorded date timeliness depends on, and the population's demographics.
     */
    private static final Set<String> RATED_FOR_COMPLETENESS = Set.of("nhs_number", "given_name",
            "family_name", "date_of_birth", "sex", "postcode", "ethnicity", "deprivation_decile", "gp_practice", "pcn",
            "recorded_date", "added_date");

    /** An ICD-10 code without its dot: a letter, two digits, and up to four more characters. */
    private static final String ICD10_SHAPE = "[A-Z][0-9]{2}[0-9A-Z]{0,4}";

    /** Answers packed into each number: 62, so every packed number stays a positive BIGINT on every engine. */
    private static final int BITS_PER_WORD = 62;

    private final QualitySettings settings;
    private final SqlDialect dialect;
    private final Queries queries;
    private final int bitsPerWord;

    private DataQualityChecks(QualitySettings settings, SqlDialect dialect, Queries queries, int bitsPerWord) {
        this.settings = requireNonNull(settings, "settings is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.queries = requireNonNull(queries, "queries is null");
        if (bitsPerWord < 1 || bitsPerWord > BITS_PER_WORD) {
            throw new IllegalArgumentException("bitsPerWord must be from 1 to " + BITS_PER_WORD + ", got " + bitsPerWord);
        }
        this.bitsPerWord = bitsPerWord;
    }

    /**
     * The report of the files {@code accounts} counts, measured by {@code queries} on the checked relations in
     * {@code dialect}.
     */
    public static DataQualityReport report(List<FileAccount> accounts, QualitySettings settings, SqlDialect dialect, Queries queries) {
        return report(accounts, settings, dialect, queries, BITS_PER_WORD);
    }

    /** The report with the answers packed {@code bitsPerWord} to a number: fewer than 62 only to test the packing across numbers. */
    static DataQualityReport report(List<FileAccount> accounts, QualitySettings settings, SqlDialect dialect, Queries queries,
            int bitsPerWord) {
        return new DataQualityChecks(settings, dialect, queries, bitsPerWord)
                .run(List.copyOf(requireNonNull(accounts, "accounts is null")));
    }

    /** The report measured on a DuckDB connection. */
    static DataQualityReport report(List<FileAccount> accounts, QualitySettings settings, Connection connection) {
        requireNonNull(connection, "connection is null");
        return report(accounts, settings, SqlDialect.DUCKDB, sql -> rows(connection, sql));
    }

    static List<List<Object>> rows(Connection connection, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not measure data quality: " + e.getMessage(), e);
        }
        return rows;
    }

    private DataQualityReport run(List<FileAccount> accounts) {
        Map<String, List<FieldQuality>> fields = new HashMap<>();
        for (InputFile format : InputFile.values()) {
            fields.putAll(fieldQuality(format));
        }
        Map<String, Timeliness> timeliness = timeliness();
        Map<String, List<String>> sourceSystems = sourceSystems();
        Map<String, List<SourceQuality.RejectReason>> reasons = rejectReasons();
        List<SourceQuality> sources = new ArrayList<>();
        for (FileAccount account : accounts) {
            sources.add(new SourceQuality(account.file(), account.kind(), sourceSystems.getOrDefault(account.file(), List.of()),
                    account.read(), account.loaded(), account.rejected(), QualityMeasures.loaded(account.loaded(), account.read()),
                    fields.getOrDefault(account.file(), List.of()), timeliness.get(account.file()),
                    reasons.getOrDefault(account.file(), List.of())));
        }
        return new DataQualityReport(settings.asOf(), settings.timelinessDays(), sources);
    }

    /**
     * One pass over the loaded rows of a kind: each row's answers to every field's questions (present, valid, a
     * default) are packed as bits into a few numbers, and the rows are counted per file and combination of answers.
     * Real files give few combinations, and counting them is a fraction of the cost of one filtered count per
     * question; the counts per question are then summed here, exactly.
     */
    private Map<String, List<FieldQuality>> fieldQuality(InputFile format) {
        List<Column> columns = format.columns();
        // Three questions per field, in order: present, present and valid, present and a default (null: never asked).
        List<String> questions = new ArrayList<>();
        for (Column column : columns) {
            String name = identifier(column.name());
            String invalid = invalidFlag(format, column);
            String present = column.type() == ColumnType.NHS_NUMBER
                    ? identifier(column.name() + "_status") + " <> 'MISSING'"
                    : name + " IS NOT NULL" + (invalid == null ? "" : " OR " + invalid);
            String valid = validRule(format, column);
            String defaults = defaultRule(column);
            questions.add(present);
            questions.add(valid == null ? null : "(" + present + ") AND (" + valid + ")");
            questions.add(defaults == null ? null : "(" + present + ") AND (" + defaults + ")");
        }
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i) != null) {
                asked.add(i);
            }
        }
        int words = Math.max(1, (asked.size() + bitsPerWord - 1) / bitsPerWord);
        List<String> wordColumns = new ArrayList<>();
        for (int word = 0; word < words; word++) {
            List<String> bits = new ArrayList<>();
            for (int bit = 0; bit < bitsPerWord && word * bitsPerWord + bit < asked.size(); bit++) {
                bits.add("CASE WHEN " + questions.get(asked.get(word * bitsPerWord + bit)) + " THEN CAST(" + (1L << bit)
                        + " AS BIGINT) ELSE CAST(0 AS BIGINT) END");
            }
            wordColumns.add((bits.isEmpty() ? "CAST(0 AS BIGINT)" : "(" + String.join("\n + ", bits) + ")") + " AS answers_" + word);
        }
        String wordNames = String.join(", ", IntStream.range(0, words).mapToObj(word -> "answers_" + word).toList());
        String sql = "SELECT source_file, " + wordNames + ", count(*) FROM (SELECT source_file, " + String.join(",\n ", wordColumns)
                + "\nFROM " + Ingest.checked(format) + " WHERE reject IS NULL) answers GROUP BY source_file, " + wordNames;
        Map<String, long[]> countsByFile = new HashMap<>();
        Map<String, Long> loadedByFile = new HashMap<>();
        for (List<Object> row : queries.rows(sql)) {
            String file = (String) row.get(0);
            long rows = whole(row.get(1 + words));
            loadedByFile.merge(file, rows, Long::sum);
            long[] counts = countsByFile.computeIfAbsent(file, key -> new long[questions.size()]);
            for (int i = 0; i < asked.size(); i++) {
                long answers = whole(row.get(1 + i / bitsPerWord));
                if ((answers >>> (i % bitsPerWord) & 1L) == 1L) {
                    counts[asked.get(i)] += rows;
                }
            }
        }
        Map<String, List<FieldQuality>> byFile = new HashMap<>();
        countsByFile.forEach((file, counts) -> {
            long loaded = loadedByFile.get(file);
            List<FieldQuality> fields = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                long present = counts[i * 3];
                long valid = counts[i * 3 + 1];
                long defaults = counts[i * 3 + 2];
                String rule = ruleText(format, column);
                Measure completeness = column.required() || RATED_FOR_COMPLETENESS.contains(column.name())
                        ? QualityMeasures.completeness(present, loaded)
                        : QualityMeasures.informational(present, loaded);
                fields.add(new FieldQuality(column.name(), column.required(), completeness,
                        rule.isEmpty() ? Measure.notApplicable() : QualityMeasures.validity(valid, present),
                        defaultRule(column) == null ? Measure.notApplicable() : QualityMeasures.defaults(defaults, present),
                        rule));
            }
            byFile.put(file, fields);
        });
        return byFile;
    }

    private static String invalidFlag(InputFile format, Column column) {
        return TypedColumns.invalidFlags(format).contains(column.name() + "_invalid")
                ? identifier(column.name() + "_invalid")
                : null;
    }

    /** The SQL predicate a present value must meet to be valid, or null when the field has no rule. */
    private String validRule(InputFile format, Column column) {
        String name = identifier(column.name());
        String invalid = invalidFlag(format, column);
        String notInvalid = invalid == null ? "true" : "NOT " + invalid;
        return switch (column.name()) {
            case "nhs_number" -> identifier("nhs_number_status") + " = 'VALID'";
            case "postcode" -> dialect.matchesWhole("upper(" + name + ")", "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
            case "sex" -> name + " IN ('0', '1', '2', '9')";
            case "ethnicity" -> name + " IN (" + quoted(ETHNICITY) + ")";
            case "deprivation_decile" -> notInvalid + " AND " + name + " BETWEEN 1 AND 10";
            case "gp_practice", "pcn", "provider_code" -> dialect.matchesWhole(name, "[A-Z0-9]{3,6}");
            case "activation_score" -> notInvalid + " AND " + name + " BETWEEN 0 AND 100";
            case "register" -> name + " IN (" + quoted(REGISTERS) + ")";
            case "point_of_delivery" -> name + " IN ('EL', 'NEL', 'DC', 'OPFA', 'OPFU', 'AE')";
            case "currency_type" -> name + " IN ('HRG', 'MH_CLUSTER', 'SERVICE', 'BNF')";
            case "primary_diagnosis" -> dialect.matchesWhole(name, ICD10_SHAPE);
            case "code" -> "CASE code_system WHEN 'ICD10' THEN " + dialect.matchesWhole(name, ICD10_SHAPE)
                    + " ELSE " + dialect.matchesWhole(name, "[0-9]{6,18}") + " END";
            case "local_cost" -> notInvalid + " AND " + name + " >= 0";
            default -> switch (column.type()) {
                case DATE -> notInvalid + " AND " + name + " BETWEEN DATE '1900-01-01' AND DATE '" + settings.asOf() + "'";
                case FLAG, INTEGER, DECIMAL, MONEY -> invalid == null ? null : notInvalid;
                default -> null;
            };
        };
    }

    private String ruleText(InputFile format, Column column) {
        return switch (column.name()) {
            case "nhs_number" -> "Ten digits with a correct modulus 11 check digit";
            case "postcode" -> "The shape of a UK postcode (for example NF1 2AB)";
            case "sex" -> "0, 1, 2 or 9";
            case "ethnicity" -> "An NHS ethnic category code";
            case "deprivation_decile" -> "A whole number from 1 to 10";
            case "gp_practice", "pcn", "provider_code" -> "An ODS-style code of 3 to 6 letters and digits";
            case "activation_score" -> "A number from 0 to 100";
            case "register" -> "A QOF register code";
            case "point_of_delivery" -> "EL, NEL, DC, OPFA, OPFU or AE";
            case "currency_type" -> "HRG, MH_CLUSTER, SERVICE or BNF";
            case "primary_diagnosis" -> "The shape of an ICD-10 code, without the dot";
            case "code" -> "ICD-10 shape for ICD10, a 6-18 digit concept id for SNOMED";
            case "local_cost" -> "Pounds, not negative";
            default -> switch (column.type()) {
                case DATE -> "A real date from 1900 and not after " + settings.asOf();
                case FLAG -> invalidFlag(format, column) == null ? "" : "Y or N";
                case INTEGER, DECIMAL, MONEY -> invalidFlag(format, column) == null ? "" : "A number";
                default -> "";
            };
        };
    }

    /** Values that stand for "not known" (NHS Data Dictionary defaults), or null when the field has none. */
    private static String defaultRule(Column column) {
        String name = identifier(column.name());
        return switch (column.name()) {
            case "date_of_birth" -> name + " = DATE '1900-01-01'";
            case "postcode" -> "upper(" + name + ") LIKE 'ZZ99%'";
            case "nhs_number" -> name + " IN ('0000000000', '9999999999')";
            case "gp_practice" -> name + " = 'V81999'";
            case "sex" -> name + " IN ('0', '9')";
            case "ethnicity" -> name + " IN ('Z', '99')";
            default -> null;
        };
    }

    /**
     * Per activity file: the latest activity, and how many records reached the source at each whole number of days
     * after the activity ended; from those counts, the share in time and the median and 90th percentile, exactly.
     */
    private Map<String, Timeliness> timeliness() {
        String lags = "SELECT source_file, coalesce(end_date, start_date) AS activity_end, "
                + dialect.daysBetween("coalesce(end_date, start_date)", "recorded_date") + " AS lag"
                + " FROM activity_checked WHERE reject IS NULL";
        // One pass over the activity, not two: the latest activity per file is the latest of its groups, and the
        // group of records without a lag (no recorded date) still carries its latest activity.
        Map<String, TreeMap<Long, Long>> lagCounts = new HashMap<>();
        Map<String, LocalDate> latestByFile = new HashMap<>();
        Set<String> files = new TreeSet<>();
        for (List<Object> row : queries.rows("SELECT source_file, lag, count(*), CAST(max(activity_end) AS STRING) FROM (" + lags
                + ") lags GROUP BY source_file, lag")) {
            String file = (String) row.get(0);
            files.add(file);
            if (row.get(1) != null) {
                lagCounts.computeIfAbsent(file, key -> new TreeMap<>()).put(whole(row.get(1)), whole(row.get(2)));
            }
            if (row.get(3) != null) {
                latestByFile.merge(file, LocalDate.parse(row.get(3).toString()), (one, other) -> one.isAfter(other) ? one : other);
            }
        }
        Map<String, Timeliness> byFile = new HashMap<>();
        for (String file : files) {
            LocalDate latest = latestByFile.get(file);
            TreeMap<Long, Long> counts = lagCounts.getOrDefault(file, new TreeMap<>());
            long dated = counts.values().stream().mapToLong(Long::longValue).sum();
            long timely = counts.headMap((long) settings.timelinessDays(), true).values().stream().mapToLong(Long::longValue).sum();
            byFile.put(file, new Timeliness(QualityMeasures.timeliness(timely, dated),
                    dated == 0 ? null : quantile(counts, dated, 0.5), dated == 0 ? null : quantile(counts, dated, 0.9),
                    latest, latest == null ? null : ChronoUnit.DAYS.between(latest, settings.asOf())));
        }
        return byFile;
    }

    /**
     * The {@code fraction} quantile of {@code total} values given as counts per value, interpolated between the two
     * values around its position as {@code quantile_cont} and {@code percentile_cont} do.
     */
    static double quantile(TreeMap<Long, Long> counts, long total, double fraction) {
        double position = (total - 1) * fraction;
        long below = (long) Math.floor(position);
        long lower = valueAt(counts, below);
        long upper = valueAt(counts, Math.min(below + 1, total - 1));
        return lower + (position - below) * (upper - lower);
    }

    /** The value at zero-based position {@code index} of the values in order. */
    private static long valueAt(TreeMap<Long, Long> counts, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("index " + index + " is past the " + seen + " values");
    }

    private Map<String, List<String>> sourceSystems() {
        Map<String, TreeSet<String>> byFile = new HashMap<>();
        for (List<Object> row : queries.rows("SELECT DISTINCT source_file, source_system FROM activity_checked"
                + " WHERE source_system IS NOT NULL")) {
            byFile.computeIfAbsent((String) row.get(0), file -> new TreeSet<>()).add((String) row.get(1));
        }
        return byFile.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }

    /** Per file and field at fault, the rows rejected and the first reason (by text), most rows first. */
    private Map<String, List<SourceQuality.RejectReason>> rejectReasons() {
        String union = String.join(" UNION ALL ", Ingest.CHECKED_VIEWS.stream()
                .map(table -> "SELECT source_file, split_part(reject, chr(31), 1) AS field, split_part(reject, chr(31), 2) AS reason"
                        + " FROM " + table + " WHERE reject IS NOT NULL")
                .toList());
        Map<String, List<SourceQuality.RejectReason>> byFile = new HashMap<>();
        for (List<Object> row : queries.rows("SELECT source_file, field, min(reason), count(*) FROM (" + union + ") rejects"
                + " GROUP BY source_file, field")) {
            byFile.computeIfAbsent((String) row.get(0), file -> new ArrayList<>())
                    .add(new SourceQuality.RejectReason((String) row.get(1), (String) row.get(2), whole(row.get(3))));
        }
        byFile.values().forEach(reasons -> reasons.sort(Comparator.comparingLong(SourceQuality.RejectReason::rows).reversed()
                .thenComparing(SourceQuality.RejectReason::field)));
        return byFile;
    }

    private static long whole(Object count) {
        return ((Number) count).longValue();
    }

    private static String quoted(List<String> codes) {
        return String.join(", ", codes.stream().map(code -> "'" + code + "'").toList());
    }
}
