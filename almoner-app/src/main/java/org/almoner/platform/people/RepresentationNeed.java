package org.almoner.platform.people;

import java.util.Optional;
import java.util.UUID;

/**
 * Why a person must keep a representative or nominee acting for them, asked before the last one
 * is removed. Capabilities that build on people implement it (budgets: a direct payment that
 * someone manages for the person), so people need not know about them.
 */
public interface RepresentationNeed {

    /** Why the person needs someone acting for them now, in words that finish a refusal, or empty if nothing does. */
    Optional<String> whyNeeded(UUID personId);
}
