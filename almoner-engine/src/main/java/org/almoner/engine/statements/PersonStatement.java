package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A person's statement of resources with their indicative budget and its working.
 *
 * @param personPseudonym the person, under the pipeline's pseudonym
 * @param baseYear        the financial year of historic use it starts from
 * @param needBand        the person's band of need
 * @param trajectory      stable, fluctuating, deteriorating, or deteriorating and fluctuating
 * @param lines           every service the person uses
 * @param working         how the budget was worked out
 * @param doubleFunding   services possibly funded twice
 * @param rulesVersion    the version of the statement rules that produced it
 */
public record PersonStatement(String personPseudonym, String baseYear, String needBand, String trajectory, List<StatementLine> lines,
        BudgetWorking working, List<DoubleFunding> doubleFunding, String rulesVersion) {

    public PersonStatement {
        requireNonNull(personPseudonym, "personPseudonym is null");
        requireNonNull(baseYear, "baseYear is null");
        requireNonNull(needBand, "needBand is null");
        requireNonNull(trajectory, "trajectory is null");
        lines = List.copyOf(lines);
        requireNonNull(working, "working is null");
        doubleFunding = List.copyOf(doubleFunding);
        requireNonNull(rulesVersion, "rulesVersion is null");
    }
}
