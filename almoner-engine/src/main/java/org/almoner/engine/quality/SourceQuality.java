package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The quality of one input file.
 *
 * @param file the file
 * @param kind people, diagnoses, condition_registers or activity
 * @param sourceSystems the source systems the file's rows name (activity only)
 * @param rowsRead data rows read
 * @param rowsLoaded rows loaded
 * @param rowsRejected rows rejected
 * @param loaded rows loaded of rows read, rated
 * @param fields per field
 * @param timeliness for activity files, else null
 * @param rejectReasons the commonest reasons rows were rejected, with counts
 */
public record SourceQuality(
        String file, String kind, List<String> sourceSystems, long rowsRead, long rowsLoaded, long rowsRejected, Measure loaded,
        List<FieldQuality> fields, Timeliness timeliness, List<RejectReason> rejectReasons) {

    public SourceQuality {
        requireNonNull(file, "file is null");
        requireNonNull(kind, "kind is null");
        sourceSystems = List.copyOf(sourceSystems);
        requireNonNull(loaded, "loaded is null");
        fields = List.copyOf(fields);
        rejectReasons = List.copyOf(rejectReasons);
    }

    /** The worst rating of anything measured on this source. */
    public Rating worst() {
        Rating worst = loaded.rating() == Rating.NOT_APPLICABLE ? Rating.GOOD : loaded.rating();
        for (FieldQuality field : fields) {
            worst = worse(worst, field.worst());
        }
        if (timeliness != null && timeliness.timely().rating() != Rating.NOT_APPLICABLE) {
            worst = worse(worst, timeliness.timely().rating());
        }
        return worst;
    }

    private static Rating worse(Rating a, Rating b) {
        if (a == Rating.POOR || b == Rating.POOR) {
            return Rating.POOR;
        }
        if (a == Rating.NEEDS_ATTENTION || b == Rating.NEEDS_ATTENTION) {
            return Rating.NEEDS_ATTENTION;
        }
        return Rating.GOOD;
    }

    /**
     * A reason rows were rejected.
     *
     * @param field the column at fault
     * @param reason the reason for the first such row
     * @param rows how many rows were rejected for a fault in that field
     */
    public record RejectReason(String field, String reason, long rows) {

        public RejectReason {
            requireNonNull(field, "field is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
