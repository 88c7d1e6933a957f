package org.almoner.engine.benchmark;

import java.nio.file.Path;
import org.almoner.engine.console.Progress;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;

/** Generates the population a benchmark runs on. */
final class BenchmarkPopulation {

    private BenchmarkPopulation() {
    }

    static void generate(Path folder, int people, long seed) {
        try (Progress progress = Progress.start("Generate population", people, "people")) {
            PopulationGenerator.generate(GeneratorSettings.of(people, seed, folder), progress);
        }
    }
}
