package org.almoner.engine.statements;

import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.page.HtmlPage;

/**
 * A person's statement of resources and the plain-English letter "how your indicative budget was worked out", as one
 * printable page. Every step names the figures it starts from, so a person can check each one and say which they
 * disagree with.
 */
final class PersonStatementPage {

    private PersonStatementPage() {
    }

    static String render(PersonStatement statement, StatementRules rules) {
        BudgetWorking working = statement.working();
        HtmlPage page = new HtmlPage("Almoner: personal budget", "How your indicative budget was worked out");
        page.box("summary", "Your indicative budget is " + HtmlPage.money(working.indicativeBudget()) + " a year.");
        page.paragraph("This letter is for the person with reference " + statement.personPseudonym() + ". An indicative budget is"
                + " a starting point, known before you plan your care and support. The final budget is agreed when your"
                + " personalised care and support plan is agreed, and may be higher or lower.");
        page.heading("The steps, one by one");
        page.list(steps(statement));
        page.heading("If you think something is wrong");
        page.paragraph("You can ask for your budget to be looked at again. Tell your care coordinator which step you disagree"
                + " with and why: for example a service you no longer use, a service missing from the list, or a change in your"
                + " health that the calculation does not know about. The services and costs it used are listed below.");
        if (!statement.doubleFunding().isEmpty()) {
            page.heading("Services that may be paid for twice");
            List<String> items = new ArrayList<>();
            for (DoubleFunding found : statement.doubleFunding()) {
                items.add(found.needMet() + ": " + funderName(found.firstFunder()) + " (" + found.firstServices() + ") and "
                        + funderName(found.secondFunder()) + " (" + found.secondServices() + ") both paid between "
                        + found.overlapFrom() + " and " + found.overlapTo() + "; up to "
                        + HtmlPage.money(found.amountPossiblyFundedTwice()) + " may have been paid twice.");
            }
            page.list(items);
            page.paragraph("We will check these with you and with the organisations before your budget is agreed, so that the"
                    + " same support is not counted twice.");
        }
        page.heading("Your statement of resources, " + statement.baseYear());
        page.paragraph("Every service you used in " + statement.baseYear() + ". Costs are shown for the services that can be in"
                + " your budget; the others stay with the organisations that provide them.");
        StringBuilder rows = new StringBuilder();
        for (StatementLine line : statement.lines()) {
            rows.append("<tr><td>").append(HtmlPage.escape(nullToEmpty(line.providerName()))).append("</td><td>")
                    .append(HtmlPage.escape(nullToEmpty(line.serviceName()))).append("</td><td>").append(HtmlPage.escape(nullToEmpty(line.purpose())))
                    .append("</td><td>").append(HtmlPage.escape(nullToEmpty(line.howCostIsCalculated()))).append("</td><td class=\"number\">")
                    .append(line.unitsPerYear() == null ? "" : line.unitsPerYear().stripTrailingZeros().toPlainString()).append(' ')
                    .append(HtmlPage.escape(nullToEmpty(line.unitType()))).append("</td><td class=\"number\">")
                    .append(line.costPerUnit() == null ? "" : HtmlPage.money(line.costPerUnit())).append("</td><td>")
                    .append(funderName(line.funder())).append("</td><td>").append(line.includeInBudget() ? "yes" : "no")
                    .append("</td><td>").append(HtmlPage.escape(line.includeInBudget() ? "now" : nullToEmpty(line.whenIncluded())))
                    .append("</td><td class=\"number\">").append(line.costInBudget() == null ? "" : HtmlPage.money(line.costInBudget()))
                    .append("</td></tr>\n");
        }
        String table = "<table>\n<caption>Services you used</caption>\n<thead><tr><th scope=\"col\">Current provider</th>"
                + "<th scope=\"col\">Service</th><th scope=\"col\">What the service is for</th><th scope=\"col\">How cost is calculated</th>"
                + "<th scope=\"col\">Units per year</th><th scope=\"col\">Cost per unit</th><th scope=\"col\">Paid for by</th>"
                + "<th scope=\"col\">Can be in your budget</th><th scope=\"col\">When it could be</th><th scope=\"col\">Cost in your budget</th>"
                + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
        String html = page.paragraph("Worked out with the statement rules " + statement.rulesVersion() + " (" + rules.source()
                + "). Ask for a copy of the rules if you would like to see them.").render();
        int at = html.indexOf("<p>Worked out with the statement rules");
        return html.substring(0, at) + table + html.substring(at);
    }

    static List<String> steps(PersonStatement statement) {
        BudgetWorking working = statement.working();
        String year = statement.baseYear();
        List<String> steps = new ArrayList<>();
        long included = statement.lines().stream().filter(StatementLine::includeInBudget).count();
        steps.add("1. We looked at the " + statement.lines().size() + " health, social care and education services you used in "
                + year + ". " + included + " of them can be in a personal budget; together they cost "
                + HtmlPage.money(working.includableThisYear()) + ".");
        if (working.fluctuating()) {
            steps.add("2. Your use of these services changed a lot from the year before (" + HtmlPage.money(working.includablePreviousYear())
                    + " in " + StatementTables.previousYear(year) + "), so one year alone could mislead. We took the average of the two"
                    + " years: " + HtmlPage.money(working.blendedCost()) + ".");
        } else {
            steps.add("2. We used " + year + " as it was: " + HtmlPage.money(working.blendedCost()) + (working.includablePreviousYear() == null
                    ? " (there is no earlier year to compare with)." : " (the year before, " + HtmlPage.money(working.includablePreviousYear())
                    + ", was close enough not to change it)."));
        }
        String basis = working.trajectoryFrom().startsWith("needs assessment") ? "Your " + working.trajectoryFrom()
                : "The information we hold (until your needs assessment is recorded)";
        if (working.adjustmentPercent().signum() > 0) {
            steps.add("3. " + basis + " suggests you will need more support in the coming year, so we added "
                    + working.adjustmentPercent().stripTrailingZeros().toPlainString() + "%: " + HtmlPage.money(working.needsAdjustment())
                    + ", making " + HtmlPage.money(working.budgetBeforeCap()) + ".");
        } else if (working.adjustmentPercent().signum() < 0) {
            steps.add("3. " + basis + " says your needs are lessening, so we took off "
                    + working.adjustmentPercent().negate().stripTrailingZeros().toPlainString() + "%: "
                    + HtmlPage.money(working.needsAdjustment().negate()) + ", making " + HtmlPage.money(working.budgetBeforeCap()) + ".");
        } else {
            steps.add("3. " + basis + " does not suggest your needs will change in the coming year, so we made no"
                    + " adjustment: " + HtmlPage.money(working.budgetBeforeCap()) + ".");
        }
        steps.add("4. A budget can be no more than the cost of the care you would otherwise receive. All the care you received in "
                + year + " cost " + HtmlPage.money(working.costOfCurrentCare()) + (working.capped()
                ? ", so your budget is limited to that: " + HtmlPage.money(working.indicativeBudget()) + "."
                : ", so this limit did not change your budget: " + HtmlPage.money(working.indicativeBudget()) + "."));
        steps.add("5. Your budget brings together money from the NHS (" + HtmlPage.money(working.nhsContribution()) + "), social care ("
                + HtmlPage.money(working.socialCareContribution()) + ") and education (" + HtmlPage.money(working.educationContribution())
                + "), in proportion to who pays for the services it replaces.");
        return steps;
    }

    private static String funderName(Funder funder) {
        return switch (funder) {
            case NHS -> "NHS";
            case SOCIAL_CARE -> "social care";
            case EDUCATION -> "education";
        };
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
