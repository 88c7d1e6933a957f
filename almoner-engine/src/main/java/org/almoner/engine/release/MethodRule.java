package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * One release method applied to some contracts for some years of the horizon. In a plan the first
 * rule that matches a contract in a year applies, so "double-funding in years 1-2, then capitated"
 * is two rules in that order.
 *
 * @param method the handbook 3.1 method
 * @param contractIds contracts it applies to; empty for any
 * @param contractTypes contract types it applies to (BLOCK, COST_PER_CASE, TARIFF, GRANT); empty for any
 * @param fromYear first plan year, 1 is the year after the base year
 * @param toYear last plan year; null for the end of the horizon
 * @param parameters the method's parameters by name, see {@link ReleaseMethod#parameters()}
 * @param stage the handbook 3.3 stage it stands for; null outside the staged plan
 */
public record MethodRule(ReleaseMethod method, Set<String> contractIds, Set<String> contractTypes, int fromYear,
        Integer toYear, Map<String, BigDecimal> parameters, String stage) {

    public MethodRule {
        requireNonNull(method, "method is null");
        contractIds = Set.copyOf(requireNonNull(contractIds, "contractIds is null"));
        contractTypes = Set.copyOf(requireNonNull(contractTypes, "contractTypes is null"));
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        if (fromYear < 1) {
            throw new IllegalArgumentException("fromYear must be 1 or later, got " + fromYear);
        }
        if (toYear != null && toYear < fromYear) {
            throw new IllegalArgumentException("toYear " + toYear + " is before fromYear " + fromYear);
        }
        for (String name : parameters.keySet()) {
            if (!method.parameters().contains(name)) {
                throw new IllegalArgumentException(method + " takes no parameter " + name);
            }
        }
    }

    /** Whether the rule applies to {@code contract} in plan year {@code year}. */
    public boolean applies(Contract contract, int year) {
        return year >= fromYear && (toYear == null || year <= toYear)
                && (contractIds.isEmpty() || contractIds.contains(contract.contractId()))
                && (contractTypes.isEmpty() || contractTypes.contains(contract.contractType()));
    }

    /** A parameter, or {@code fallback} when the scenario did not set it. */
    public BigDecimal parameter(String name, BigDecimal fallback) {
        return parameters.getOrDefault(name, fallback);
    }
}
