package org.almoner.engine.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.almoner.engine.duckdb.Sql;

/** Writes README.txt into the output folder: what each file is, for whoever opens the folder later. */
final class ReadMe {

    private ReadMe() {
    }

    static void write(Path file) throws IOException {
        Files.writeString(file, Sql.resource(ReadMe.class, "output-readme.txt"), StandardCharsets.UTF_8);
    }
}
