package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;

/**
 * Every row of one file, accounted for.
 *
 * @param file the file's path as given
 * @param kind people, diagnoses, condition_registers or activity
 * @param read data rows read (the header is not a row)
 * @param loaded rows loaded
 * @param rejected rows rejected, each listed in rejects.csv
 */
public record FileAccount(String file, String kind, long read, long loaded, long rejected) {

    public FileAccount {
        requireNonNull(file, "file is null");
        requireNonNull(kind, "kind is null");
        if (loaded + rejected != read) {
            throw new IllegalStateException("Rows of " + file + " do not add up: " + loaded + " loaded + " + rejected
                    + " rejected is not " + read + " read. This is a fault in Almoner; please report it.");
        }
    }
}
