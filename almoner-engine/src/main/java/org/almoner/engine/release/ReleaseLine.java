package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One contract in one plan year of a scenario, to the penny. What leaves the contract is bounded by
 * the budget holders' attributed cost in it ({@link ContractCohortShare#attributedCost()}); the
 * planned value is the whole contract, for the provider's stability.
 *
 * @param scenario the scenario's name
 * @param year plan year, 1 is the year after the base year
 * @param financialYear like 2025/26
 * @param contract the contract
 * @param method the method releasing funding from it this year; null when not yet in scope
 * @param stage the handbook 3.3 stage, when the staged plan put it there
 * @param plannedValue the contract's value this year before any release (base value with growth)
 * @param linkedPopulationValue the part of the planned value paying for the linked population's activity:
 *     the contract's attributed cost grown with the contract, at most the planned value
 * @param budgetHolderShare share of the contract's activity used by budget holders this year, percent
 * @param budgetNeed what budget holders' care from this contract is worth, for the services in scope
 * @param notYetInScope budget holders' care still bought through the contract because it is not in scope
 * @param released money taken out of the contract for budgets
 * @param doubleFunding new, time-limited money paying for budgets while the contract stays whole
 * @param unfunded budget need neither released nor double-funded: the commissioner must find it elsewhere
 * @param wonBack budget money spent back with this provider
 * @param spentElsewhere budget money spent with other providers
 * @param transitionalSupport paid back to the provider under a gain/risk-sharing agreement
 * @param providerNet the provider's change in income: won back plus support less released
 * @param shareReleased released over planned value, percent
 * @param flagged whether the share released is over the scenario's stability threshold
 */
public record ReleaseLine(String scenario, int year, String financialYear, Contract contract, ReleaseMethod method,
        String stage, BigDecimal plannedValue, BigDecimal linkedPopulationValue, BigDecimal budgetHolderShare, BigDecimal budgetNeed, BigDecimal notYetInScope,
        BigDecimal released, BigDecimal doubleFunding, BigDecimal unfunded,
        BigDecimal wonBack, BigDecimal spentElsewhere, BigDecimal transitionalSupport, BigDecimal providerNet, BigDecimal shareReleased,
        boolean flagged) {

    public ReleaseLine {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(financialYear, "financialYear is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(plannedValue, "plannedValue is null");
        requireNonNull(linkedPopulationValue, "linkedPopulationValue is null");
        requireNonNull(budgetHolderShare, "budgetHolderShare is null");
        requireNonNull(budgetNeed, "budgetNeed is null");
        requireNonNull(notYetInScope, "notYetInScope is null");
        requireNonNull(released, "released is null");
        requireNonNull(doubleFunding, "doubleFunding is null");
        requireNonNull(unfunded, "unfunded is null");
        requireNonNull(wonBack, "wonBack is null");
        requireNonNull(spentElsewhere, "spentElsewhere is null");
        requireNonNull(transitionalSupport, "transitionalSupport is null");
        requireNonNull(providerNet, "providerNet is null");
        requireNonNull(shareReleased, "shareReleased is null");
    }
}
