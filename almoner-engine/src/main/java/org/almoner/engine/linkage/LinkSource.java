package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One file (or several of the same layout) of records to link, and which of its columns hold what.
 *
 * @param files CSV or Parquet files, told apart by their extension
 * @param recordId the column that identifies a record; unique in the source
 * @param columns the source's column for each identity field it holds (fields it lacks are blank)
 * @param dateFormat how dates of birth are written, as a DuckDB strptime format ({@code %Y-%m-%d} by default)
 * @param truth where the true identity of each record is, for evaluation; null if unknown
 */
public record LinkSource(List<Path> files, String recordId, Map<LinkField, String> columns, String dateFormat, Truth truth) {

    public LinkSource {
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(recordId, "recordId is null");
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(dateFormat, "dateFormat is null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files is empty");
        }
    }

    /** A short name for messages: the first file's name, and how many more. */
    public String name() {
        return files.getFirst().getFileName() + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : "");
    }

    /**
     * Where the true identity of each record is: a column of the source itself, or a separate file
     * mapping record ids to entity ids (as the generator's ground-truth/identities.csv does).
     *
     * @param column the source's column holding the entity id, or null
     * @param file the file mapping record ids to entity ids, or null
     * @param fileRecordId the record id column of {@code file}
     * @param fileEntityId the entity id column of {@code file}
     */
    public record Truth(String column, Path file, String fileRecordId, String fileEntityId) {

        public Truth {
            if ((column == null) == (file == null)) {
                throw new IllegalArgumentException("give either a truth column or a truth file");
            }
            if (file != null) {
                requireNonNull(fileRecordId, "fileRecordId is null");
                requireNonNull(fileEntityId, "fileEntityId is null");
            }
        }
    }
}
