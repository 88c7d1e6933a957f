package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

/**
 * One cohort of a definition file.
 *
 * @param id     short name used in outputs (lower case letters, digits and underscores)
 * @param name   what the cohort is, in plain English
 * @param source where the cohort comes from (handbook section, local decision)
 * @param rule   who is in it
 * @param line   the line of the definition file the cohort starts on
 */
public record CohortDefinition(String id, String name, String source, CohortRule rule, int line) {

    public CohortDefinition {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(rule, "rule is null");
    }
}
