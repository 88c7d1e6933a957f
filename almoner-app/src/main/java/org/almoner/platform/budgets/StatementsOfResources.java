package org.almoner.platform.budgets;

import java.util.Optional;

/**
 * Where person-level statements of resources come from: the engine's linked data set, looked up by
 * the person's analytics pseudonym.
 */
public interface StatementsOfResources {

    /** The statement for the person with this pseudonym, or empty when the linked data set has none. */
    Optional<StatementOfResources> forPseudonym(String analyticsPseudonym);
}
