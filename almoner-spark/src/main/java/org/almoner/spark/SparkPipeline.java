package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.cohorts.CohortDefinitions;
import org.almoner.engine.cohorts.Cohorts;
import org.almoner.engine.cohorts.FieldType;
import org.almoner.engine.costing.Costing;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.ingest.DataQualityChecks;
import org.almoner.engine.ingest.FileAccount;
import org.almoner.engine.ingest.IngestDefinitions;
import org.almoner.engine.linkage.Linkage;
import org.almoner.engine.pipeline.PersonYearSummary;
import org.almoner.engine.pseudonymisation.Pseudonymisation;
import org.almoner.engine.pseudonymisation.Pseudonymiser;
import org.almoner.engine.quality.DataQualityReport;
import org.almoner.engine.quality.QualitySettings;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;
import org.almoner.engine.statements.StatementDefinitions;
import org.almoner.engine.statements.StatementRules;
import org.almoner.engine.stratification.RiskStratification;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The linked data set pipeline on Spark: ingest with the row rules and accounts, pseudonymisation,
 * deterministic linkage on the NHS number, costing and the person-year summary, each stage from the
 * engine's definitions in Spark's dialect. Outputs are Parquet on any Hadoop-compatible store, written
 * to a folder beside the output and renamed into place at the end, so a failure leaves nothing half-written.
 *
 * <p>Then risk stratification, from the files written, to {@code risk/person_year_risk.parquet}, and cohort
 * membership to {@code cohorts/cohort_members.parquet}, and the statements of resources and indicative budgets of the
 * cohorts' members to {@code statements/}.
 *
 * <p>The data quality report (completeness, validity, timeliness and use of defaults per source and field) is the
 * engine's own, measured by its queries in Spark's dialect, to {@code quality/data_quality.json} and {@code .html}.
 *
 * <p>Costing writes, as the DuckDB pipeline does, each costed mental health cluster row split into its components
 * ({@code linked/mental_health_cluster_components.parquet}) and the uncosted rows with what every level of the costing
 * hierarchy lacked ({@code costing/uncosted.csv}).
 *
 * <p>Input files are CSV or Parquet, as for the DuckDB pipeline. Not (yet) on Spark: line numbers of rejects,
 * probabilistic linkage, FHIR bundles.
 */
public final class SparkPipeline {

    private final SparkSession spark;
    private final StageProgress progress;
    /** The relations of the run under way, in its work folder. */
    private SparkRelations relations;

    /** A pipeline that prints no progress. */
    public SparkPipeline(SparkSession spark) {
        this(spark, StageProgress.silent());
    }

    /** A pipeline that tells {@code progress} of each stage as it runs: its Spark tasks, then its rows and time. */
    SparkPipeline(SparkSession spark, StageProgress progress) {
        this.spark = requireNonNull(spark, "spark is null");
        this.progress = requireNonNull(progress, "progress is null");
        SparkRelations.configure(spark);
    }

    public SparkResult run(SparkRequest request) {
        requireNonNull(request, "request is null");
        long start = System.nanoTime();
        Path output = new Path(request.output());
        FileSystem fileSystem = fileSystem(output);
        checkOutputFree(fileSystem, output, request.replaceOutput());
        String suffix = UUID.randomUUID().toString();
        Path staging = new Path(output.getParent(), "." + output.getName() + ".partial-" + suffix);
        Path work = new Path(output.getParent(), "." + output.getName() + ".work-" + suffix);
        relations = new SparkRelations(spark, work.toString());
        StageProgressListener listener = new StageProgressListener(progress);
        spark.sparkContext().addSparkListener(listener);
        try {
            progress.stageStarted("Load reference data");
            progress.stageFinished(ReferenceTables.load(spark, request.reference()), "reference rows");
            progress.stageStarted("Ingest and data quality");
            List<FileAccount> accounts = ingest(request.input(), work);
            writeRejects(new Path(staging, "quality/rejects.csv"));
            DataQualityReport quality = DataQualityChecks.report(accounts, new QualitySettings(request.asOf(), request.timelinessDays()),
                    SqlDialect.SPARK, this::rows);
            // The same report object as the DuckDB pipeline's, so the same JSON and page, named as it names them.
            writeText(fileSystem, new Path(staging, "quality/data_quality.json"), quality.json());
            writeText(fileSystem, new Path(staging, "quality/data_quality.html"), quality.html());
            progress.stageFinished(accounts.stream().mapToLong(FileAccount::read).sum(), "rows read");

            progress.stageStarted("Pseudonymise");
            Pseudonymiser pseudonymiser = new Pseudonymiser(request.key());
            relations.defineAll(Pseudonymisation.definitions(pseudonymiser, request.asOf(), SqlDialect.SPARK));
            long peoplePseudonymised = count(Pseudonymisation.COUNTS.get(0));
            long peopleWithNhsNumber = count(Pseudonymisation.COUNTS.get(1));
            progress.stageFinished(peoplePseudonymised, "people");

            progress.stageStarted("Link, cost and write");
            relations.define(Linkage.noSupplementaryLinks());
            relations.define(Linkage.activityLinked());
            List<String> linkedColumns = List.of(spark.table("activity_linked").columns());
            relations.defineAll(Costing.definitions("activity_linked", "activity_costed", linkedColumns, SqlDialect.SPARK));

            Path activity = new Path(staging, "linked/activity.parquet");
            spark.table("activity_costed").write().mode(SaveMode.ErrorIfExists).parquet(activity.toString());
            spark.read().parquet(activity.toString()).createOrReplaceTempView("activity_published");
            // Read once, as it is written: a view, not a relation kept in the work folder.
            Relation components = Costing.mentalHealthComponents("activity_published");
            relations.define(Relation.view(components.name(), components.query()));
            writeParquet(Costing.COMPONENTS_TABLE, new Path(staging, "linked/" + Costing.COMPONENTS_TABLE + ".parquet"));
            writeUncosted(new Path(staging, "costing/uncosted.csv"));
            writeParquet("people_pseudonymised", new Path(staging, "linked/people.parquet"));
            writeParquet("diagnoses_pseudonymised", new Path(staging, "linked/diagnoses.parquet"));
            writeParquet("condition_registers_pseudonymised", new Path(staging, "linked/condition_registers.parquet"));
            Map<String, Map<String, Long>> linkage = linkage();
            Map<String, SparkResult.Tally> costing = costing();
            long mentalHealthRowsWithoutSplit = count(Costing.mentalHealthRowsWithoutSplit("activity_published"));
            progress.stageFinished(costing.values().stream().mapToLong(SparkResult.Tally::rows).sum(), "activity rows");

            progress.stageStarted("Person-year summary");
            relations.define(PersonYearSummary.relation());
            Path summary = new Path(staging, "summary/person_year_summary.parquet");
            writeParquet("person_year_summary", summary);
            long personYears = count("SELECT count(*) FROM person_year_summary");
            progress.stageFinished(personYears, "person-years");
            progress.stageStarted("Stratify");
            long personYearsAtRisk = stratify(staging);
            progress.stageFinished(personYearsAtRisk, "person-years");
            progress.stageStarted("Cohorts");
            long cohortMembers = cohorts(staging, request.cohortDefinitions(), request.reference());
            progress.stageFinished(cohortMembers, "memberships");
            progress.stageStarted("Statements");
            SparkResult.StatementCounts statements = statements(staging, request.statementRules());
            progress.stageFinished(statements.systemStatementLines(), "system statement lines");

            SparkResult result = new SparkResult(request.output(), accounts, quality, peoplePseudonymised, peopleWithNhsNumber,
                    linkage, costing, mentalHealthRowsWithoutSplit, personYears, personYearsAtRisk, cohortMembers,
                    statements, pseudonymiser.keyFingerprint(),
                    Duration.ofNanos(System.nanoTime() - start));
            writeText(fileSystem, new Path(staging, "run-summary.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.asJson()));
            publish(fileSystem, staging, output, suffix);
            return result;
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The Spark pipeline could not write " + output + ": "
                    + e.getMessage(), e);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            spark.catalog().clearCache();
            deleteQuietly(fileSystem, work);
            deleteQuietly(fileSystem, staging);
        }
    }

    /**
     * Risk stratification of the output just written, as {@code almoner stratify} works it out: read from the
     * written files, as the DuckDB command reads a pipeline folder, to {@code risk/person_year_risk.parquet}.
     */
    private long stratify(Path staging) {
        Map<String, String> views = Map.of("pipeline_people", "linked/people.parquet", "pipeline_diagnoses", "linked/diagnoses.parquet",
                "pipeline_registers", "linked/condition_registers.parquet", "pipeline_activity", "linked/activity.parquet",
                "pipeline_summary", "summary/person_year_summary.parquet");
        views.forEach((view, file) -> spark.read().parquet(new Path(staging, file).toString()).createOrReplaceTempView(view));
        Map<String, Integer> thresholds = ReferenceTables.loadCodeLists(spark);
        relations.defineAll(RiskStratification.definitions(thresholds.get("emergency_admissions"), thresholds.get("ae_attendances"),
                SqlDialect.SPARK));
        writeParquet("person_year_risk", new Path(staging, "risk/" + RiskStratification.RISK_PARQUET));
        return count("SELECT count(*) FROM person_year_risk");
    }

    /**
     * Cohort membership by the built-in cohort definitions, or those of {@code definitionsFile} (on the driver),
     * checked against the stratification's fields as {@code almoner cohort} checks them; then each cohort's size, cost
     * by setting and provider, and the equality breakdown, to {@code cohorts/}.
     */
    private long cohorts(Path staging, java.nio.file.Path definitionsFile, java.nio.file.Path reference) {
        Map<String, FieldType> fields = Cohorts.fields(columnTypes("person_year_risk"));
        CohortDefinitions definitions = definitionsFile == null ? CohortDefinitions.builtIn(fields)
                : CohortDefinitions.read(definitionsFile, fields);
        ReferenceTables.loadStatementLookups(spark, reference);
        relations.defineAll(Cohorts.relations(definitions, SqlDialect.SPARK));
        writeParquet("cohort_members", new Path(staging, "cohorts/" + Cohorts.MEMBERS_PARQUET));
        for (String table : List.of("cohort_summary", "cohort_cost_by_provider", "cohort_equality")) {
            writeParquet(table, new Path(staging, "cohorts/" + table + ".parquet"));
        }
        return count("SELECT count(*) FROM cohort_members");
    }

    /**
     * The statements of resources for the cohorts' members, as {@code almoner statement --cohorts} works them out from the
     * cohorts just found: {@code statements/system_statement.parquet} (per cohort, band of need, provider and service),
     * {@code person_statements.parquet}, {@code indicative_budgets.parquet} and {@code double_funding.parquet}. No needs
     * assessments are read on Spark: the rules' stand-in for them is used, as {@code almoner statement} does without
     * {@code --needs-assessments}.
     */
    private SparkResult.StatementCounts statements(Path staging, java.nio.file.Path rulesFile) {
        Map<String, FieldType> fields = Cohorts.fields(columnTypes("person_year_risk"));
        StatementRules rules = rulesFile == null ? StatementRules.builtIn(fields) : StatementRules.read(rulesFile, fields);
        // Read from the files written, as `almoner statement --stratification --cohorts` reads them: the statements'
        // plans then start there, not at the input.
        spark.read().parquet(new Path(staging, "risk/" + RiskStratification.RISK_PARQUET).toString()).createOrReplaceTempView("person_year_risk");
        spark.read().parquet(new Path(staging, "cohorts/" + Cohorts.MEMBERS_PARQUET).toString())
                .selectExpr("cohort_id", "person_pseudonym", "financial_year").createOrReplaceTempView("statement_cohort_members");
        spark.sql("SELECT CAST(NULL AS STRING) AS person_pseudonym, CAST(NULL AS STRING) AS trajectory,"
                + " CAST(NULL AS DECIMAL(6,2)) AS adjustment_percent, CAST(NULL AS DATE) AS assessed_on WHERE false")
                .createOrReplaceTempView("needs_assessments");
        String baseYear = StatementDefinitions.baseYear(rules, SqlDialect.SPARK, query -> {
            Row row = spark.sql(query).first();
            return row.isNullAt(0) ? null : row.get(0).toString();
        });
        relations.defineAll(StatementDefinitions.definitions(rules, baseYear, false, SqlDialect.SPARK));
        relations.defineAll(StatementDefinitions.outputs(baseYear, SqlDialect.SPARK));
        writeParquet("system_statement", new Path(staging, "statements/system_statement.parquet"));
        writeParquet(StatementDefinitions.PERSON_STATEMENTS, new Path(staging, "statements/person_statements.parquet"));
        writeParquet(StatementDefinitions.COHORT_INDICATIVE_BUDGETS, new Path(staging, "statements/indicative_budgets.parquet"));
        writeParquet(StatementDefinitions.COHORT_DOUBLE_FUNDING, new Path(staging, "statements/double_funding.parquet"));
        Row budgets = spark.sql("SELECT count(*), coalesce(sum(indicative_budget), 0) FROM " + StatementDefinitions.COHORT_INDICATIVE_BUDGETS)
                .first();
        return new SparkResult.StatementCounts(baseYear, count("SELECT count(*) FROM system_statement"), budgets.getLong(0),
                budgets.getDecimal(1).setScale(2));
    }

    private Map<String, String> columnTypes(String relation) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (StructField field : spark.table(relation).schema().fields()) {
            columns.put(field.name(), databaseType(field.dataType()));
        }
        return columns;
    }

    /** The DuckDB name of a Spark type, which is how the cohort rules know a field as number, flag or text. */
    private static String databaseType(DataType type) {
        if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        return switch (type.typeName()) {
            case "boolean" -> "BOOLEAN";
            case "integer" -> "INTEGER";
            case "long" -> "BIGINT";
            case "double" -> "DOUBLE";
            case "date" -> "DATE";
            default -> "VARCHAR";
        };
    }

    /** Reads each kind of file through the row rules into staged Parquet, then applies the rules across rows. */
    private List<FileAccount> ingest(String input, Path work) {
        for (InputFile format : InputFile.values()) {
            String location = format == InputFile.ACTIVITY ? input + "/activity/*.csv" : input + "/" + format.baseName() + ".csv";
            Dataset<Row> text = readInput(format, input);
            text.createOrReplaceTempView(format.baseName() + "_text");
            Dataset<Row> typed = spark.sql(IngestDefinitions.typedRows(format, format.baseName() + "_text", "source_file",
                    SqlDialect.SPARK));
            if (format == InputFile.ACTIVITY) {
                // An identifier that stays put across reads: given once, as the rows are staged.
                typed = typed.withColumn("activity_id", functions.monotonically_increasing_id());
            }
            String staged = new Path(work, format.baseName()).toString();
            try {
                typed.write().mode(SaveMode.ErrorIfExists).parquet(staged);
            } catch (Exception e) {
                throw malformed(location, e);
            }
            spark.read().parquet(staged).createOrReplaceTempView(format.baseName() + "_ingested");
        }
        relations.defineAll(IngestDefinitions.duplicateRelations());
        boolean duplicates = count("SELECT count(*) FROM duplicate_activity") > 0;
        relations.defineAll(IngestDefinitions.checkedRelations(duplicates));
        return accounts();
    }

    /**
     * The rows of one kind of input file, every column as text: {@code NAME.csv} or {@code NAME.parquet} (not both), and for
     * activity every {@code activity/*.csv} and {@code activity/*.parquet}, as the DuckDB pipeline reads them.
     */
    private Dataset<Row> readInput(InputFile format, String input) {
        FileSystem fileSystem = fileSystem(new Path(input));
        if (format == InputFile.ACTIVITY) {
            boolean csv = exists(fileSystem, new Path(input + "/activity/*.csv"));
            boolean parquet = exists(fileSystem, new Path(input + "/activity/*.parquet"));
            if (!parquet) {
                return readCsv(format, input + "/activity/*.csv");
            }
            Dataset<Row> rows = readParquet(format, input + "/activity/*.parquet");
            return csv ? readCsv(format, input + "/activity/*.csv").unionByName(rows) : rows;
        }
        Path csv = new Path(input, format.baseName() + ".csv");
        Path parquet = new Path(input, format.baseName() + ".parquet");
        if (!exists(fileSystem, parquet)) {
            return readCsv(format, csv.toString());
        }
        if (exists(fileSystem, csv)) {
            throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "The input folder " + input + " has both " + csv.getName() + " and "
                    + parquet.getName() + "; keep one so it is clear which to read.");
        }
        return readParquet(format, parquet.toString());
    }

    /** Parquet carrying the format's column names, each read as text (a column may be text or its natural type). */
    private Dataset<Row> readParquet(InputFile format, String location) {
        Dataset<Row> rows;
        try {
            rows = spark.read().parquet(location);
        } catch (Exception e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, location + ": this is not readable Parquet (" + rootMessage(e)
                    + "). Check it was written completely, or supply it as CSV.", e);
        }
        List<String> present = List.of(rows.columns());
        List<String> missing = format.columnNames().stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, location + ": the Parquet file lacks the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " of the " + format.baseName()
                    + " format (see docs/formats.md).");
        }
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        for (String name : format.columnNames()) {
            columns.add(functions.col("`" + name + "`").cast(DataTypes.StringType).as(name));
        }
        columns.add(functions.col("_metadata.file_path").as("source_file"));
        return rows.select(columns.toArray(org.apache.spark.sql.Column[]::new));
    }

    private static boolean exists(FileSystem fileSystem, Path pattern) {
        try {
            FileStatus[] found = fileSystem.globStatus(pattern);
            return found != null && found.length > 0;
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot read the input folder at " + pattern + ": " + e.getMessage(), e);
        }
    }

    private Dataset<Row> readCsv(InputFile format, String location) {
        StructType schema = new StructType(format.columnNames().stream()
                .map(name -> DataTypes.createStructField(name, DataTypes.StringType, true))
                .toArray(StructField[]::new));
        try {
            return spark.read().schema(schema)
                    .option("header", "true")
                    // The header must name the format's columns in order, as it must for DuckDB.
                    .option("enforceSchema", "false")
                    .option("mode", "FAILFAST")
                    .option("quote", "\"")
                    .option("escape", "\"")
                    .option("encoding", "UTF-8")
                    .csv(location)
                    .select(functions.col("*"), functions.col("_metadata.file_path").as("source_file"));
        } catch (Exception e) {
            if (e instanceof AnalysisException && e.getMessage() != null && e.getMessage().contains("PATH_NOT_FOUND")) {
                throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "There is no " + location + " (the " + format.baseName()
                        + " file). See docs/formats.md for the files an input folder holds.");
            }
            throw malformed(location, e);
        }
    }

    private static EngineException malformed(String location, Exception e) {
        String reason = rootMessage(e);
        return new EngineException(EngineErrorCode.MALFORMED_INPUT, location + ": cannot be read as the format's CSV (" + reason
                + "). Check the header names the columns of docs/formats.md in order, each line has as many fields, and"
                + " the file is UTF-8.", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Each file counted three independent ways (rows staged, rows loaded, rows rejected), checked by {@link FileAccount}. */
    private List<FileAccount> accounts() {
        String read = Stream.of(InputFile.values())
                .map(format -> "SELECT source_file, '" + format.baseName() + "' AS kind, count(*) AS rows_read FROM "
                        + format.baseName() + "_ingested GROUP BY source_file")
                .collect(Collectors.joining(" UNION ALL "));
        String loaded = Stream.of(InputFile.values())
                .map(format -> "SELECT source_file, count(*) AS loaded FROM " + format.baseName() + "_in GROUP BY source_file")
                .collect(Collectors.joining(" UNION ALL "));
        String rejected = Stream.of(InputFile.values())
                .map(format -> "SELECT source_file, count(*) AS rejected FROM " + format.baseName()
                        + "_checked WHERE reject IS NOT NULL GROUP BY source_file")
                .collect(Collectors.joining(" UNION ALL "));
        List<FileAccount> accounts = new ArrayList<>();
        for (Row row : spark.sql("SELECT f.source_file, f.kind, f.rows_read, coalesce(l.loaded, 0), coalesce(r.rejected, 0)"
                + " FROM (" + read + ") f LEFT JOIN (" + loaded + ") l ON l.source_file = f.source_file"
                + " LEFT JOIN (" + rejected + ") r ON r.source_file = f.source_file ORDER BY f.kind, f.source_file").collectAsList()) {
            accounts.add(new FileAccount(row.getString(0), row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
        }
        return accounts;
    }

    private void writeRejects(Path target) {
        String rejects = Stream.of(InputFile.values())
                .map(format -> "SELECT source_file, split_part(reject, chr(31), 1) AS field, split_part(reject, chr(31), 2) AS reason"
                        + " FROM " + format.baseName() + "_checked WHERE reject IS NOT NULL")
                .collect(Collectors.joining(" UNION ALL "));
        // Rejects are few: one file people can open, in a stable order.
        spark.sql(rejects + " ORDER BY source_file, field, reason").coalesce(1).write().option("header", "true")
                .mode(SaveMode.ErrorIfExists).csv(target.toString());
    }

    /**
     * The uncosted rows, each with what every level of the costing hierarchy lacked, as {@code almoner pipeline} lists
     * them: one file people can open (they are few, or the reference data needs work before anything else), in the
     * order of the rows.
     */
    private void writeUncosted(Path target) {
        spark.sql(Costing.uncostedRows("activity_published")).coalesce(1).write().option("header", "true").option("escape", "\"")
                .mode(SaveMode.ErrorIfExists).csv(target.toString());
    }

    private void writeParquet(String relation, Path target) {
        spark.table(relation).write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
    }

    private Map<String, Map<String, Long>> linkage() {
        Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
        for (Row row : spark.sql("SELECT source_system, link_method, count(*) FROM activity_published GROUP BY ALL"
                + " ORDER BY source_system, link_method").collectAsList()) {
            bySource.computeIfAbsent(row.getString(0), source -> new LinkedHashMap<>()).put(row.getString(1), row.getLong(2));
        }
        return bySource;
    }

    private Map<String, SparkResult.Tally> costing() {
        Map<String, SparkResult.Tally> byMethod = new LinkedHashMap<>();
        for (Row row : spark.sql("SELECT costing_method, count(*), coalesce(sum(cost), 0) FROM activity_published GROUP BY ALL"
                + " ORDER BY costing_method").collectAsList()) {
            byMethod.put(row.getString(0), new SparkResult.Tally(row.getLong(1), row.getDecimal(2).setScale(2)));
        }
        return byMethod;
    }

    /** A query's rows, each as its column values, for the engine's checks that assemble their results in Java. */
    private List<List<Object>> rows(String query) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : spark.sql(query).collectAsList()) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return rows;
    }

    private long count(String query) {
        return relations.count(query);
    }

    private FileSystem fileSystem(Path path) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot reach the file system of " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static void checkOutputFree(FileSystem fileSystem, Path output, boolean replace) {
        try {
            if (fileSystem.exists(output) && !replace && fileSystem.listStatus(output).length > 0) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "The output folder " + output
                        + " already holds files. Choose a new folder, or add --replace to replace it once the new output is complete.");
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot read the output folder " + output + ": "
                    + e.getMessage(), e);
        }
    }

    private static void writeText(FileSystem fileSystem, Path target, String text) throws IOException {
        try (OutputStream out = fileSystem.create(target, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Moves the complete output into place; an output it replaces is set aside first and removed after. */
    private static void publish(FileSystem fileSystem, Path staging, Path output, String suffix) throws IOException {
        Path previous = new Path(output.getParent(), "." + output.getName() + ".previous-" + suffix);
        boolean replacing = fileSystem.exists(output);
        if (replacing && !fileSystem.rename(output, previous)) {
            throw new IOException("could not move the earlier output aside");
        }
        if (!fileSystem.rename(staging, output)) {
            if (replacing) {
                fileSystem.rename(previous, output);
            }
            throw new IOException("could not move the new output into place");
        }
        if (replacing) {
            fileSystem.delete(previous, true);
        }
    }

    private static void deleteQuietly(FileSystem fileSystem, Path path) {
        try {
            fileSystem.delete(path, true);
        } catch (IOException e) {
            // A work folder left behind is untidy, not wrong; its name says what it is.
        }
    }
}
