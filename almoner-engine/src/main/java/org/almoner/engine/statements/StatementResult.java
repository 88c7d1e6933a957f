package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code almoner statement} wrote.
 *
 * @param folder              the published output folder
 * @param rulesVersion        the statement rules' version
 * @param baseYear            the financial year of historic use
 * @param systemLines         rows of the system-level statement
 * @param people              people with a person-level statement (cohort members)
 * @param totalIndicativeBudget sum of their indicative budgets
 * @param capped              budgets lowered by the cap at the cost of current care
 * @param doubleFunding       possible double funding found
 * @param letters             letters written
 * @param elapsed             time taken
 */
public record StatementResult(Path folder, String rulesVersion, String baseYear, long systemLines, long people,
        BigDecimal totalIndicativeBudget, long capped, long doubleFunding, int letters, Duration elapsed) {

    public StatementResult {
        requireNonNull(folder, "folder is null");
        requireNonNull(rulesVersion, "rulesVersion is null");
        requireNonNull(baseYear, "baseYear is null");
        requireNonNull(totalIndicativeBudget, "totalIndicativeBudget is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
