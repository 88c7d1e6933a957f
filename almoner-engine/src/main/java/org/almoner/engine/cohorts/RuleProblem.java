package org.almoner.engine.cohorts;

/** A rule that cannot be read; the message says what is wrong in the rule, in plain English. */
public final class RuleProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RuleProblem(String message) {
        super(message);
    }
}
