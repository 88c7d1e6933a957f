package org.almoner.engine.stratification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * Provider names for outputs people read, as table {@code provider_names} (provider_code, name, sector): from the
 * providers.csv of a reference data folder, else the sample reference data shipped with Almoner.
 */
public final class ProviderNames {

    private ProviderNames() {
    }

    public static void load(Connection connection, Path workFolder, Path referenceFolder) {
        Path file;
        if (referenceFolder != null) {
            file = referenceFolder.resolve("providers.csv");
            if (!Files.isRegularFile(file)) {
                throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The reference folder " + referenceFolder
                        + " has no providers.csv. Give the folder used with `almoner pipeline --reference`, or leave out --reference.");
            }
        } else {
            file = workFolder.resolve("providers.csv");
            try (InputStream in = ProviderNames.class.getResourceAsStream("/org/almoner/engine/reference/sample/providers.csv")) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Sql.execute(connection, "CREATE OR REPLACE TABLE provider_names AS SELECT provider_code, name, sector FROM read_csv("
                + DuckDb.literal(file.toAbsolutePath().toString()) + ", header = true, all_varchar = true)");
    }
}
