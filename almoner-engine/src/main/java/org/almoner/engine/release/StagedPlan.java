package org.almoner.engine.release;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staged approach of handbook 3.3 as a default plan, one stage a year: (1) spot-purchase and
 * cost-per-case contracts, (2) services the provider struggles to deliver, (3) providers running
 * budgets, (4) frequent A&E attenders and emergency care, (5) the large contracts. A contract
 * belongs to the first stage that fits it.
 */
final class StagedPlan {

    private StagedPlan() {
    }

    static List<MethodRule> rules(List<Contract> contracts, Map<String, BigDecimal> serviceIssues) {
        List<MethodRule> rules = new ArrayList<>();
        rules.add(new MethodRule(ReleaseMethod.INDIVIDUALISED_COMMISSIONING, Set.of(), Set.of("COST_PER_CASE"), 1, null,
                Map.of(), "1: spot purchase and cost per case"));
        if (!serviceIssues.isEmpty()) {
            rules.add(new MethodRule(ReleaseMethod.SERVICE_ISSUES, serviceIssues.keySet(), Set.of(), 2, null, Map.of(),
                    "2: services with vacancies or quality issues"));
        }
        Set<String> providerRun = ids(contracts, contract -> contract.contractType().equals("GRANT")
                || contract.services().contains("community"));
        if (!providerRun.isEmpty()) {
            rules.add(new MethodRule(ReleaseMethod.PROVIDER_MANAGED_BUDGETS, providerRun, Set.of(), 3, null, Map.of(),
                    "3: providers run personal health budgets"));
        }
        Set<String> emergency = ids(contracts, contract -> contract.services().contains("a_and_e"));
        if (!emergency.isEmpty()) {
            rules.add(new MethodRule(ReleaseMethod.GAIN_RISK_SHARING, emergency, Set.of(), 4, null, Map.of(),
                    "4: frequent A&E attenders and emergency care"));
        }
        rules.add(new MethodRule(ReleaseMethod.CAPITATED_TOP_SLICE, Set.of(), Set.of(), 5, null, Map.of(),
                "5: the large contracts"));
        return rules;
    }

    private static Set<String> ids(List<Contract> contracts, java.util.function.Predicate<Contract> test) {
        return contracts.stream().filter(test).map(Contract::contractId).collect(Collectors.toSet());
    }
}
