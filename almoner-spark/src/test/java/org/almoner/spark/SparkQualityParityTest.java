package org.almoner.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.almoner.engine.quality.DataQualityReport;
import org.almoner.engine.quality.FieldQuality;
import org.almoner.engine.quality.Measure;
import org.almoner.engine.quality.Rating;
import org.almoner.engine.quality.SourceQuality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data quality report of the Spark runner beside the DuckDB pipeline's, on the same population ({@link ParityRun}):
 * each engine's {@code quality/data_quality.json} read back by the one reader, and every measure of every source and
 * field compared. Sources are matched by file name: DuckDB names a file by its path, Spark by its URI.
 */
@ExtendWith(ParityRun.Resolver.class)
class SparkQualityParityTest {

    private final ParityRun run;
    private final DataQualityReport duck;
    private final DataQualityReport spark;

    SparkQualityParityTest(ParityRun run) {
        this.run = run;
        this.duck = DataQualityReport.readJson(run.duckOutput.resolve("quality/data_quality.json"));
        this.spark = DataQualityReport.readJson(run.sparkOutput.resolve("quality/data_quality.json"));
    }

    @Test
    void writesTheReportAndItsPageWhereTheDuckDbPipelineDoes() throws Exception {
        assertThat(spark.asOf()).isEqualTo(duck.asOf()).isEqualTo(ParityRun.AS_OF);
        assertThat(spark.timelinessDays()).isEqualTo(duck.timelinessDays()).isEqualTo(ParityRun.TIMELINESS_DAYS);
        // The file read back is the report the run returned: nothing lost in writing it.
        assertThat(spark).isEqualTo(run.spark.quality());
        String page = Files.readString(run.sparkOutput.resolve("quality/data_quality.html"));
        assertThat(page).contains("<h1>Data quality report</h1>").contains(ParityRun.BadRows.ACTIVITY_FILE);
    }

    @Test
    void measuresTheSameSourcesWithTheSameRowCounts() {
        Map<String, SourceQuality> duckSources = byFileName(duck);
        Map<String, SourceQuality> sparkSources = byFileName(spark);
        assertThat(sparkSources.keySet()).containsExactlyInAnyOrderElementsOf(duckSources.keySet()).hasSizeGreaterThan(4);
        duckSources.forEach((file, source) -> {
            SourceQuality other = sparkSources.get(file);
            assertThat(List.of(other.kind(), other.sourceSystems(), other.rowsRead(), other.rowsLoaded(), other.rowsRejected(), other.loaded()))
                    .as(file).isEqualTo(List.of(source.kind(), source.sourceSystems(), source.rowsRead(), source.rowsLoaded(),
                            source.rowsRejected(), source.loaded()));
            assertThat(other.worst()).as(file).isEqualTo(source.worst());
        });
    }

    @Test
    void givesEveryFieldOfEverySourceTheSameFourMeasuresAndRatings() {
        Map<String, SourceQuality> sparkSources = byFileName(spark);
        int fields = 0;
        for (Map.Entry<String, SourceQuality> entry : byFileName(duck).entrySet()) {
            List<FieldQuality> duckFields = entry.getValue().fields();
            assertThat(duckFields).as(entry.getKey()).isNotEmpty();
            // Field by field, so a difference names its source and field.
            Map<String, FieldQuality> sparkFields = sparkSources.get(entry.getKey()).fields().stream()
                    .collect(Collectors.toMap(FieldQuality::field, Function.identity()));
            assertThat(sparkFields.keySet()).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(
                    duckFields.stream().map(FieldQuality::field).toList());
            for (FieldQuality field : duckFields) {
                assertThat(sparkFields.get(field.field())).as(entry.getKey() + " " + field.field()).isEqualTo(field);
                fields++;
            }
            assertThat(sparkSources.get(entry.getKey()).fields()).as(entry.getKey()).isEqualTo(duckFields);
        }
        assertThat(fields).isGreaterThan(40);
    }

    @Test
    void measuresTimelinessAlike() {
        Map<String, SourceQuality> sparkSources = byFileName(spark);
        long activityFiles = 0;
        for (Map.Entry<String, SourceQuality> entry : byFileName(duck).entrySet()) {
            assertThat(sparkSources.get(entry.getKey()).timeliness()).as(entry.getKey()).isEqualTo(entry.getValue().timeliness());
            if (entry.getValue().timeliness() != null && entry.getValue().timeliness().medianDays() != null) {
                activityFiles++;
            }
        }
        assertThat(activityFiles).isGreaterThan(1);
    }

    @Test
    void summarisesTheSameRejectReasons() {
        Map<String, SourceQuality> sparkSources = byFileName(spark);
        byFileName(duck).forEach((file, source) -> assertThat(sparkSources.get(file).rejectReasons()).as(file)
                .isEqualTo(source.rejectReasons()));
        assertThat(byFileName(spark).get(ParityRun.BadRows.ACTIVITY_FILE).rejectReasons()).hasSizeGreaterThanOrEqualTo(5);
    }

    /**
     * Not a comparison of measures that cannot differ: the bad rows give rated fields below good, defaults used and values
     * invalid, in both reports.
     */
    @Test
    void comparesMeasuresThatVary() {
        List<Measure> measures = duck.sources().stream().flatMap(source -> source.fields().stream())
                .flatMap(field -> java.util.stream.Stream.of(field.completeness(), field.validity(), field.defaults())).toList();
        assertThat(measures).extracting(Measure::rating).contains(Rating.GOOD, Rating.NOT_APPLICABLE);
        assertThat(duck.sources()).extracting(SourceQuality::worst).contains(Rating.NEEDS_ATTENTION);
        assertThat(duck.sources().stream().flatMap(source -> source.fields().stream())
                .filter(field -> field.validity().outOf() > field.validity().count())).isNotEmpty();
        assertThat(duck.sources().stream().flatMap(source -> source.fields().stream())
                .filter(field -> field.defaults().count() > 0)).isNotEmpty();
        assertThat(duck.needingAttention()).extracting(source -> fileName(source.file()))
                .isEqualTo(spark.needingAttention().stream().map(source -> fileName(source.file())).toList());
    }

    private static Map<String, SourceQuality> byFileName(DataQualityReport report) {
        return report.sources().stream().collect(Collectors.toMap(source -> fileName(source.file()), Function.identity()));
    }

    private static String fileName(String file) {
        return Path.of(file.replaceFirst("^file:", "")).getFileName().toString();
    }
}
