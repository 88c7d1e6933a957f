package org.almoner.engine.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What to generate.
 *
 * @param people how many people, at least 1
 * @param seed the random seed; the same seed gives byte-identical output
 * @param outputFolder the folder to create; it must not exist or be empty
 * @param format CSV or Parquet for the input files (the ground truth is always CSV)
 * @param threads worker threads, at least 1; does not change the output
 * @param errorRates how often identifiers are wrong in the sources
 */
public record GeneratorSettings(long people, long seed, Path outputFolder, OutputFormat format, int threads,
        IdentifierErrorRates errorRates) {

    /** The most people the generator makes: person ids have eight digits. */
    public static final long MAXIMUM_PEOPLE = 99_999_999L;

    public GeneratorSettings {
        requireNonNull(outputFolder, "outputFolder is null");
        requireNonNull(format, "format is null");
        requireNonNull(errorRates, "errorRates is null");
        if (people < 1 || people > MAXIMUM_PEOPLE) {
            throw new IllegalArgumentException("people must be from 1 to " + MAXIMUM_PEOPLE + ", got " + people);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** CSV, all processors and typical identifier error rates. */
    public static GeneratorSettings of(long people, long seed, Path outputFolder) {
        return new GeneratorSettings(people, seed, outputFolder, OutputFormat.CSV,
                Runtime.getRuntime().availableProcessors(), IdentifierErrorRates.typical());
    }

    public GeneratorSettings withThreads(int newThreads) {
        return new GeneratorSettings(people, seed, outputFolder, format, newThreads, errorRates);
    }

    public GeneratorSettings withFormat(OutputFormat newFormat) {
        return new GeneratorSettings(people, seed, outputFolder, newFormat, threads, errorRates);
    }

    public GeneratorSettings withErrorRates(IdentifierErrorRates newErrorRates) {
        return new GeneratorSettings(people, seed, outputFolder, format, threads, newErrorRates);
    }
}
