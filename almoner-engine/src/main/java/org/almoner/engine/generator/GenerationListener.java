package org.almoner.engine.generator;

/** Told as people are written, for a progress bar. Called from the writing thread only. */
@FunctionalInterface
public interface GenerationListener {

    /** {@code people} more people have been written. */
    void peopleWritten(long people);

    /** A listener that ignores progress. */
    static GenerationListener none() {
        return people -> {
        };
    }
}
