package org.almoner.engine.pseudonymisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner key}: makes a new pseudonymisation key file. */
@Command(
        name = "key",
        header = "Make a new pseudonymisation key.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Make a new pseudonymisation key: 64 random hexadecimal characters (256 bits) in a file only you can read.",
            "",
            "Use one key per data-sharing agreement: the same person gets unrelated pseudonyms under two keys,",
            "so data sets released under different agreements cannot be joined. Keep the key apart from the",
            "data; anyone holding both can test guesses of identifiers against the pseudonyms.",
        },
        footer = {"", "Example:", "  almoner key --out northfield-icb.key",
            "  almoner pipeline --in data --out linked --key-file northfield-icb.key"})
public final class KeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the key; must not exist.")
    Path out;

    @Override
    public Integer call() {
        String key = PseudonymisationKey.newKeyText(new SecureRandom());
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, key + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, out);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary);
                throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The key file " + out
                        + " already exists. Keys are never overwritten: data pseudonymised with it could not be re-linked."
                        + " Choose another file name.");
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the key file " + out + ": "
                    + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("Wrote a new pseudonymisation key to " + out + " (fingerprint "
                + PseudonymisationKey.of(key, "the new key").fingerprint() + "). Keep it apart from the data.");
        return 0;
    }
}
