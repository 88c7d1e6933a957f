package org.almoner.platform.budgets.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.statements.BudgetWorking;
import org.almoner.engine.statements.IndicativeBudgets;
import org.almoner.engine.statements.PersonStatement;
import org.almoner.engine.statements.StatementLine;
import org.almoner.platform.budgets.IndicativeLine;
import org.almoner.platform.budgets.StatementOfResources;
import org.almoner.platform.budgets.StatementsOfResources;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The person-level statement of resources from the engine's statements ({@link IndicativeBudgets})
 * over the pipeline output folder ({@code almoner.analytics.output}), with the area's statement rules
 * ({@code almoner.analytics.statement-rules}, or the built-in ones): the same lines, the same working
 * and the same budget as {@code almoner statement} gives for that person.
 *
 * <p>The statements are worked out once, when the first is asked for, so starting the platform stays
 * quick and a platform without analytics never pays for them.
 */
@Component
class LinkedDataSetStatements implements StatementsOfResources, DisposableBean {

    private final Path output;
    private final Path rules;
    private IndicativeBudgets statements;

    LinkedDataSetStatements(@Value("${almoner.analytics.output:}") String output,
            @Value("${almoner.analytics.statement-rules:}") String rules) {
        this.output = output.isBlank() ? null : Path.of(output);
        this.rules = rules.isBlank() ? null : Path.of(rules);
    }

    @Override
    public Optional<StatementOfResources> forPseudonym(String analyticsPseudonym) {
        return statements().flatMap(opened -> opened.statementFor(analyticsPseudonym)).map(statement -> statement(statement,
                statements.rulesVersion()));
    }

    private synchronized Optional<IndicativeBudgets> statements() {
        if (statements == null && output != null && Files.isReadable(output.resolve("linked").resolve("activity.parquet"))) {
            statements = IndicativeBudgets.open(output, rules, new DuckDbSettings(2, 1024, null));
        }
        return Optional.ofNullable(statements);
    }

    static StatementOfResources statement(PersonStatement statement, String rulesVersion) {
        List<IndicativeLine> lines = new ArrayList<>();
        for (StatementLine line : statement.lines()) {
            lines.add(new IndicativeLine(line.providerName() == null ? line.providerCode() : line.providerName(),
                    line.serviceName() == null ? line.service() : line.serviceName(), line.purpose(), line.howCostIsCalculated(),
                    line.unitsPerYear() == null ? BigDecimal.ZERO : line.unitsPerYear(), line.unitType(),
                    line.costPerUnit() == null ? BigDecimal.ZERO : line.costPerUnit(), line.costPerYear(), line.includeInBudget(),
                    line.includeInBudget() ? null : line.whenIncluded()));
        }
        return new StatementOfResources("Linked data set, financial year " + statement.baseYear() + ", statement rules " + rulesVersion
                + ", need band " + statement.needBand(), lines, steps(statement.working()), statement.working().indicativeBudget());
    }

    /** The budget's working in words, step by step, as the person's letter explains it. */
    private static List<String> steps(BudgetWorking working) {
        List<String> steps = new ArrayList<>();
        steps.add("Services that can be in the budget cost " + pounds(working.includableThisYear()) + " in the year.");
        if (working.fluctuating()) {
            steps.add("The year before they cost " + pounds(working.includablePreviousYear())
                    + "; the two years differ a lot, so they are averaged: " + pounds(working.blendedCost()) + ".");
        }
        if (working.needsAdjustment().signum() != 0) {
            steps.add("The needs assessment (" + working.trajectoryFrom() + ") expects " + (working.deteriorating() ? "more" : "less")
                    + " support next year: " + working.adjustmentPercent().stripTrailingZeros().toPlainString() + "%, "
                    + pounds(working.needsAdjustment()) + ".");
        }
        if (working.capped()) {
            steps.add("A budget is no more than the cost of the care received now, " + pounds(working.costOfCurrentCare())
                    + ", so it is capped there.");
        }
        steps.add("Indicative budget: " + pounds(working.indicativeBudget()) + " (NHS " + pounds(working.nhsContribution())
                + ", social care " + pounds(working.socialCareContribution()) + ", education " + pounds(working.educationContribution())
                + ").");
        return steps;
    }

    private static String pounds(BigDecimal amount) {
        return amount == null ? "£0.00" : String.format(Locale.UK, "£%,.2f", amount);
    }

    @Override
    public synchronized void destroy() {
        if (statements != null) {
            statements.close();
        }
    }
}
