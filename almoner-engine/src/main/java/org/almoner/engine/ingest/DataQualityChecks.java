package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.identifier;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Computes the data quality report from the ingested tables: one aggregate query per kind of file
 * (a single pass, however many fields), plus timeliness and reject reasons per file.
 */
final class DataQualityChecks {

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
    private static final java.util.Set<String> RATED_FOR_COMPLETENESS = java.util.Set.of("nhs_number", "given_name",
            "family_name", "date_of_birth", "sex", "postcode", "ethnicity", "deprivation_decile", "gp_practice", "pcn",
            "recorded_date", "added_date");

    private final Connection connection;
    private final QualitySettings settings;

    DataQualityChecks(Connection connection, QualitySettings settings) {
        this.connection = requireNonNull(connection, "connection is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    DataQualityReport run(List<FileAccount> accounts) {
        Map<String, List<FieldQuality>> fields = new HashMap<>();
        Map<String, Timeliness> timeliness = new HashMap<>();
        Map<String, List<String>> sourceSystems = new HashMap<>();
        for (InputFile format : InputFile.values()) {
            fields.putAll(fieldQuality(format, timeliness, sourceSystems));
        }
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
     * One pass over a kind's rows per file: every field's measures and, for activity, the file's
     * timeliness and source systems too (each of those was a pass of its own over tens of millions of rows).
     * Rejected rows count only towards the source systems, as before the passes were joined.
     */
    private Map<String, List<FieldQuality>> fieldQuality(InputFile format, Map<String, Timeliness> timeliness,
            Map<String, List<String>> sourceSystems) {
        List<Column> columns = format.columns();
        boolean activity = format == InputFile.ACTIVITY;
        StringBuilder sql = new StringBuilder("SELECT source_file, count(*) FILTER (WHERE reject IS NULL)");
        for (Column column : columns) {
            String name = identifier(column.name());
            String invalid = invalidFlag(format, column);
            String present = column.type() == ColumnType.NHS_NUMBER
                    ? identifier(column.name() + "_status") + " <> 'MISSING'"
                    : name + " IS NOT NULL" + (invalid == null ? "" : " OR " + invalid);
            String valid = validRule(format, column);
            String defaults = defaultRule(column);
            sql.append(",\n count(*) FILTER (WHERE reject IS NULL AND (").append(present).append("))");
            sql.append(", count(*) FILTER (WHERE ").append(valid == null ? "false" : "reject IS NULL AND (" + present + ") AND (" + valid + ")")
                    .append(")");
            sql.append(", count(*) FILTER (WHERE ").append(defaults == null ? "false" : "reject IS NULL AND (" + present + ") AND (" + defaults
                    + ")").append(")");
        }
        if (activity) {
            sql.append(",\n").append(TIMELINESS_AGGREGATES.formatted(settings.timelinessDays()));
        }
        String from = activity
                ? "(SELECT *, coalesce(end_date, start_date) AS activity_end, date_diff('day', coalesce(end_date, start_date), recorded_date)"
                        + " AS lag FROM " + Ingest.checked(format) + ")"
                : Ingest.checked(format);
        sql.append("\nFROM ").append(from).append(" GROUP BY source_file");
        Map<String, List<FieldQuality>> byFile = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql.toString())) {
            while (rows.next()) {
                String file = rows.getString(1);
                long loaded = rows.getLong(2);
                if (activity) {
                    int at = 3 + columns.size() * 3;
                    Array systems = rows.getArray(at + 5);
                    List<String> names = systems == null ? List.of()
                            : Arrays.stream((Object[]) systems.getArray()).map(String::valueOf).sorted().toList();
                    if (!names.isEmpty()) {
                        sourceSystems.put(file, names);
                    }
                    if (loaded > 0) {
                        timeliness.put(file, timeliness(rows, at));
                    }
                }
                if (loaded == 0) {
                    // A file whose every row was rejected has no field measures (nothing was loaded to measure).
                    continue;
                }
                List<FieldQuality> fields = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    long present = rows.getLong(3 + i * 3);
                    long valid = rows.getLong(4 + i * 3);
                    long defaults = rows.getLong(5 + i * 3);
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
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not measure data quality of " + format.baseName() + ": "
                    + e.getMessage(), e);
        }
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
            case "postcode" -> "regexp_full_match(upper(" + name + "), '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}')";
            case "sex" -> name + " IN ('0', '1', '2', '9')";
            case "ethnicity" -> name + " IN (" + quoted(ETHNICITY) + ")";
            case "deprivation_decile" -> notInvalid + " AND " + name + " BETWEEN 1 AND 10";
            case "gp_practice", "pcn", "provider_code" -> "regexp_full_match(" + name + ", '[A-Z0-9]{3,6}')";
            case "activation_score" -> notInvalid + " AND " + name + " BETWEEN 0 AND 100";
            case "register" -> name + " IN (" + quoted(REGISTERS) + ")";
            case "point_of_delivery" -> name + " IN ('EL', 'NEL', 'DC', 'OPFA', 'OPFU', 'AE')";
            case "currency_type" -> name + " IN ('HRG', 'MH_CLUSTER', 'SERVICE', 'BNF')";
            case "primary_diagnosis" -> "regexp_full_match(" + name + ", '[A-Z][0-9]{2}[0-9A-Z]{0,4}')";
            case "code" -> "CASE code_system WHEN 'ICD10' THEN regexp_full_match(" + name + ", '[A-Z][0-9]{2}[0-9A-Z]{0,4}')"
                    + " ELSE regexp_full_match(" + name + ", '[0-9]{6,18}') END";
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

    /** Over the loaded rows only; {@code lag} and {@code activity_end} are worked out in the pass's source. */
    private static final String TIMELINESS_AGGREGATES = """
             count(*) FILTER (WHERE reject IS NULL AND lag IS NOT NULL AND lag <= %d),
             count(lag) FILTER (WHERE reject IS NULL),
             approx_quantile(lag, 0.5) FILTER (WHERE reject IS NULL),
             approx_quantile(lag, 0.9) FILTER (WHERE reject IS NULL),
             max(activity_end) FILTER (WHERE reject IS NULL),
             list(DISTINCT source_system) FILTER (WHERE source_system IS NOT NULL)""";

    private Timeliness timeliness(ResultSet rows, int at) throws SQLException {
        long dated = rows.getLong(at + 1);
        Date latest = rows.getDate(at + 4);
        return new Timeliness(QualityMeasures.timeliness(rows.getLong(at), dated),
                dated == 0 ? null : rows.getDouble(at + 2), dated == 0 ? null : rows.getDouble(at + 3),
                latest == null ? null : latest.toLocalDate(),
                latest == null ? null : java.time.temporal.ChronoUnit.DAYS.between(latest.toLocalDate(), settings.asOf()));
    }

    private Map<String, List<SourceQuality.RejectReason>> rejectReasons() {
        Map<String, List<SourceQuality.RejectReason>> byFile = new HashMap<>();
        String union = String.join(" UNION ALL ", Ingest.CHECKED_VIEWS.stream()
                .map(table -> "SELECT source_file, split_part(reject, chr(31), 1) AS field, split_part(reject, chr(31), 2) AS reason,"
                        + " FROM " + table + " WHERE reject IS NOT NULL")
                .toList());
        String sql = "SELECT source_file, field, min(reason), count(*) AS rows FROM (" + union + ")"
                + " GROUP BY source_file, field ORDER BY source_file, rows DESC, field";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                byFile.computeIfAbsent(rows.getString(1), file -> new ArrayList<>())
                        .add(new SourceQuality.RejectReason(rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not summarise rejects: " + e.getMessage(), e);
        }
        return byFile;
    }

    private static String quoted(List<String> codes) {
        return String.join(", ", codes.stream().map(code -> "'" + code + "'").toList());
    }
}
