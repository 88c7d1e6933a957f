package org.almoner.engine;

/**
 * Stable error codes of the engine. The code is what a user quotes in a support request and what
 * scripts match on, so a code, once published, keeps its meaning. Exit codes follow BSD
 * {@code sysexits.h} so shell scripts can tell bad usage from bad data from an environment fault.
 */
public enum EngineErrorCode {
    /** A command-line argument or option is wrong. */
    BAD_ARGUMENT(64),
    /** An input file is malformed: wrong header, bad encoding, truncated, binary. */
    MALFORMED_INPUT(65),
    /** An input file or folder that must exist does not. */
    INPUT_NOT_FOUND(66),
    /** Reference data (tariff, costs, providers, contracts) is missing or inconsistent. */
    BAD_REFERENCE_DATA(65),
    /** A configuration file (split rules, link settings, cohort definitions) is wrong. */
    BAD_CONFIGURATION(78),
    /** The pseudonymisation key is missing or too weak. */
    KEY_PROBLEM(78),
    /** The output cannot be written where asked. */
    OUTPUT_PROBLEM(73),
    /** The work needed more memory than it was allowed; more memory or fewer threads will help. */
    NOT_ENOUGH_MEMORY(71),
    /** Something went wrong that is not the user's doing. */
    INTERNAL(70);

    private final int exitCode;

    EngineErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the command line uses for this error. */
    public int exitCode() {
        return exitCode;
    }
}
