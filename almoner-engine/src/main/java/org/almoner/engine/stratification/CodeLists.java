package org.almoner.engine.stratification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * The code lists and weights shipped with Almoner, loaded into tables named {@code list_*}. Each file's comment
 * lines cite its published source; DuckDB skips them when reading.
 */
public final class CodeLists {

    /** Table name to file name, in this package's resources. */
    public static final Map<String, String> FILES = files();

    private CodeLists() {
    }

    /**
     * Copies each file into {@code workFolder} (DuckDB reads files, not the classpath) and loads it as a table.
     * Column types are given so a malformed edit fails here, naming the file, rather than later as a wrong score.
     */
    public static void load(Connection connection, Path workFolder) {
        for (Map.Entry<String, String> entry : FILES.entrySet()) {
            Path copy = workFolder.resolve(entry.getValue());
            try (InputStream in = CodeLists.class.getResourceAsStream(entry.getValue())) {
                if (in == null) {
                    throw new IllegalStateException("Code list " + entry.getValue() + " is missing from the Almoner jar");
                }
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Sql.execute(connection, "CREATE OR REPLACE TABLE " + entry.getKey() + " AS SELECT * FROM read_csv("
                    + DuckDb.literal(copy.toAbsolutePath().toString()) + ", header = true, comment = '#', all_varchar = true)");
        }
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_charlson AS SELECT category, description, icd10_codes,
                    CAST(weight_charlson_1987 AS INTEGER) AS weight_charlson_1987, CAST(weight_quan_2011 AS INTEGER) AS weight_quan_2011,
                    superseded_by FROM list_charlson""");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_elixhauser AS SELECT category, description, icd10_codes,
                    CAST(weight_van_walraven AS INTEGER) AS weight_van_walraven, superseded_by FROM list_elixhauser""");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_cambridge AS SELECT condition, description, icd10_codes,
                    coalesce(qof_registers, '') AS qof_registers, CAST(weight AS DECIMAL(5,2)) AS weight, derivable FROM list_cambridge""");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_ltc AS SELECT condition, description, icd10_codes,
                    coalesce(qof_registers, '') AS qof_registers FROM list_ltc""");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_frailty AS SELECT icd10_category, CAST(weight AS DECIMAL(4,1)) AS weight FROM list_frailty""");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_activation AS SELECT CAST(activation_level AS INTEGER) AS activation_level,
                    CAST(lowest_score AS DECIMAL(5,1)) AS lowest_score, CAST(highest_score AS DECIMAL(5,1)) AS highest_score,
                    description FROM list_activation""");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE list_frequent_attender AS SELECT measure, CAST(threshold AS INTEGER) AS threshold, source
                    FROM list_frequent_attender""");
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("list_charlson", "charlson.csv");
        files.put("list_elixhauser", "elixhauser.csv");
        files.put("list_cambridge", "cambridge-multimorbidity.csv");
        files.put("list_ltc", "long-term-conditions.csv");
        files.put("list_snomed", "snomed-to-icd10.csv");
        files.put("list_frailty", "hospital-frailty-risk-score.csv");
        files.put("list_activation", "activation-levels.csv");
        files.put("list_frequent_attender", "frequent-attender.csv");
        return java.util.Collections.unmodifiableMap(files);
    }
}
