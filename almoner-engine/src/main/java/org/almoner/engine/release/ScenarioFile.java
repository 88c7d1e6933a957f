package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.capitation.ConfigurationFile;
import org.almoner.engine.capitation.ConfigurationFile.Field;

/**
 * Reads a release scenario (YAML or JSON). Every mistake is reported with the file, line and field and
 * what to do; contract ids and cohort names are checked against the reference data and the cohorts, so
 * a misspelt name never silently falls back to a default. docs/capitation.md describes the format.
 */
final class ScenarioFile {

    private static final Set<String> TOP_LEVEL = Set.of("name", "horizonYears", "contractGrowthPercent",
            "stabilityThresholdPercent", "chooseBackPercent", "takeUpPercent", "serviceIssues", "budgetSpendingPercent", "plan",
            "methods");
    private static final Set<String> CONTRACT_TYPES = Set.of("BLOCK", "COST_PER_CASE", "TARIFF", "GRANT");

    private final Set<String> contractIds;
    private final Set<String> cohorts;
    private final Set<String> providerCodes;

    /**
     * @param contractIds the contracts of the base year
     * @param cohorts the cohorts people belong to
     * @param providerCodes the providers of the reference data
     */
    ScenarioFile(Set<String> contractIds, Set<String> cohorts, Set<String> providerCodes) {
        this.contractIds = Set.copyOf(requireNonNull(contractIds, "contractIds is null"));
        this.cohorts = Set.copyOf(requireNonNull(cohorts, "cohorts is null"));
        this.providerCodes = Set.copyOf(requireNonNull(providerCodes, "providerCodes is null"));
    }

    Scenario read(Path file, List<Contract> contracts) {
        Field root = ConfigurationFile.read(file).root();
        root.allowOnly(TOP_LEVEL);
        String name = root.required("name").text();
        int horizon = root.required("horizonYears").wholeNumber(1, 10);
        BigDecimal growth = percent(root, "contractGrowthPercent", "2.5", -20, 50);
        BigDecimal threshold = percent(root, "stabilityThresholdPercent", "3", 0, 100);
        BigDecimal chooseBack = percent(root, "chooseBackPercent", "30", 0, 100);
        Map<String, List<BigDecimal>> takeUp = takeUp(root.required("takeUpPercent"), horizon);
        Map<String, BigDecimal> issues = new LinkedHashMap<>();
        if (root.has("serviceIssues")) {
            Field field = root.child("serviceIssues");
            for (String contract : field.names()) {
                knownContract(field.child(contract), contract);
                issues.put(contract, BigDecimal.valueOf(field.child(contract).number(0, 100)));
            }
        }
        Map<String, BigDecimal> spending = new LinkedHashMap<>();
        if (root.has("budgetSpendingPercent")) {
            Field field = root.child("budgetSpendingPercent");
            BigDecimal total = BigDecimal.ZERO;
            for (String provider : field.names()) {
                if (!providerCodes.contains(provider)) {
                    throw field.child(provider).problem("there is no provider '" + provider + "' in providers.csv."
                            + " Use a provider code from the reference data, like V0001.");
                }
                BigDecimal percent = BigDecimal.valueOf(field.child(provider).number(0, 100));
                spending.put(provider, percent);
                total = total.add(percent);
            }
            if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw field.problem("the shares add up to " + total.stripTrailingZeros().toPlainString()
                        + "%, more than 100%. Lower them; what is left over goes to providers not in the reference data.");
            }
        }
        String plan = root.has("plan") ? root.child("plan").text() : "staged";
        if (!plan.equals("staged") && !plan.equals("methods")) {
            throw root.child("plan").problem("plan must be 'staged' (the order of handbook 3.3, with any methods listed"
                    + " first) or 'methods' (only the methods listed), not '" + plan + "'.");
        }
        List<MethodRule> rules = new ArrayList<>();
        if (root.has("methods")) {
            for (Field item : root.child("methods").items()) {
                rules.add(rule(item, horizon));
            }
        } else if (plan.equals("methods")) {
            throw root.problem("plan is 'methods' but there is no 'methods' list. Add the methods, or write plan: staged.");
        }
        if (plan.equals("staged")) {
            rules.addAll(StagedPlan.rules(contracts, issues));
        }
        return new Scenario(name, horizon, growth, threshold, chooseBack, takeUp, issues, spending, rules);
    }

    private Map<String, List<BigDecimal>> takeUp(Field field, int horizon) {
        Map<String, List<BigDecimal>> takeUp = new LinkedHashMap<>();
        for (String cohort : field.names()) {
            Field years = field.child(cohort);
            if (!cohort.equals(Scenario.DEFAULT_COHORT) && !cohorts.contains(cohort)) {
                throw years.problem("there is no cohort '" + cohort + "'. Cohorts are: "
                        + cohorts.stream().sorted().collect(Collectors.joining(", ")) + " (or 'default' for the rest).");
            }
            List<Field> items = years.items();
            if (items.size() != horizon) {
                throw years.problem("give one take-up percentage for each of the " + horizon + " years of the horizon;"
                        + " found " + items.size() + ".");
            }
            takeUp.put(cohort, items.stream().map(item -> BigDecimal.valueOf(item.number(0, 100))).toList());
        }
        if (!takeUp.containsKey(Scenario.DEFAULT_COHORT)) {
            throw field.problem("take-up needs a 'default' line (the share of every other cohort holding a budget each"
                    + " year). Add default: [" + Stream.generate(() -> "0").limit(horizon).collect(Collectors.joining(", "))
                    + "] if only the named cohorts take budgets.");
        }
        return takeUp;
    }

    private MethodRule rule(Field item, int horizon) {
        Field methodField = item.required("method");
        ReleaseMethod method;
        try {
            method = ReleaseMethod.valueOf(methodField.text().toUpperCase().replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw methodField.problem("'" + methodField.text() + "' is not a release method. Use one of: "
                    + Stream.of(ReleaseMethod.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
        Set<String> allowed = new HashSet<>(Set.of("method", "contracts", "contractTypes", "fromYear", "toYear"));
        allowed.addAll(method.parameters());
        item.allowOnly(allowed);
        Set<String> ids = new LinkedHashSet<>();
        if (item.has("contracts")) {
            for (Field contract : item.child("contracts").items()) {
                ids.add(knownContract(contract, contract.text()));
            }
        }
        Set<String> types = new LinkedHashSet<>();
        if (item.has("contractTypes")) {
            for (Field type : item.child("contractTypes").items()) {
                if (!CONTRACT_TYPES.contains(type.text())) {
                    throw type.problem("'" + type.text() + "' is not a contract type. Use BLOCK, COST_PER_CASE, TARIFF or GRANT.");
                }
                types.add(type.text());
            }
        }
        int from = item.has("fromYear") ? item.child("fromYear").wholeNumber(1, horizon) : 1;
        Integer to = item.has("toYear") ? item.child("toYear").wholeNumber(1, horizon) : null;
        if (to != null && to < from) {
            throw item.child("toYear").problem("toYear " + to + " is before fromYear " + from + ". Swap them.");
        }
        if (method == ReleaseMethod.DOUBLE_FUNDING && to == null) {
            throw item.problem("double-funding must be time-limited (handbook 3.1.1). Add toYear: the last year it runs.");
        }
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        for (String parameter : method.parameters()) {
            if (item.has(parameter)) {
                double maximum = parameter.equals("taperYears") ? 10 : 100;
                parameters.put(parameter, BigDecimal.valueOf(item.child(parameter).number(0, maximum)));
            }
        }
        return new MethodRule(method, ids, types, from, to, parameters, null);
    }

    private String knownContract(Field field, String id) {
        if (!contractIds.contains(id)) {
            throw field.problem("there is no contract '" + id + "' in the reference data for the base year. Contracts are: "
                    + contractIds.stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        return id;
    }

    private static BigDecimal percent(Field root, String name, String fallback, double minimum, double maximum) {
        return root.has(name) ? BigDecimal.valueOf(root.child(name).number(minimum, maximum)) : new BigDecimal(fallback);
    }
}
