package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import org.almoner.engine.cohorts.CohortRule;

/**
 * A band of need: the first band whose rule a person meets is theirs.
 *
 * @param name the band's name
 * @param rule who is in it
 */
public record NeedBand(String name, CohortRule rule) {

    public NeedBand {
        requireNonNull(name, "name is null");
        requireNonNull(rule, "rule is null");
    }
}
