package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One service a person uses, as a line of their statement of resources.
 *
 * @param providerCode        current provider's code
 * @param providerName        current provider
 * @param setting             setting of care
 * @param service             the service code
 * @param serviceName         the service's name
 * @param purpose             what the service is for
 * @param howCostIsCalculated the costing used (tariff, reference cost, local cost, unit cost)
 * @param unitType            the unit of activity (contact, hour, week...)
 * @param unitsPerYear        units in the base year
 * @param costPerUnit         cost of one unit; null when no units were costed
 * @param costPerYear         the cost of the line in the base year
 * @param funder              who pays
 * @param includeInBudget     whether it can be in the personal budget now
 * @param whenIncluded        when it could be, for services not yet included
 * @param costInBudget        the cost shown in the budget: costPerYear when included, else null
 */
public record StatementLine(String providerCode, String providerName, String setting, String service, String serviceName, String purpose,
        String howCostIsCalculated, String unitType, BigDecimal unitsPerYear, BigDecimal costPerUnit, BigDecimal costPerYear,
        Funder funder, boolean includeInBudget, String whenIncluded, BigDecimal costInBudget) {

    public StatementLine {
        requireNonNull(providerCode, "providerCode is null");
        requireNonNull(setting, "setting is null");
        requireNonNull(service, "service is null");
        requireNonNull(costPerYear, "costPerYear is null");
        requireNonNull(funder, "funder is null");
    }
}
