package org.almoner.platform.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.almoner.platform.problems.PlatformException;

/**
 * One line of a person-level statement of resources (handbook 2.7.4 e and f): the service, who
 * provides it, what it is for, how its cost is worked out, units and cost per unit, and whether it
 * can be in a personal budget now (and if not, when). Only included lines add to the indicative budget.
 */
public record IndicativeLine(String provider, String service, String purpose, String costingMethod, BigDecimal unitsPerYear,
        String unit, BigDecimal costPerUnit, BigDecimal annualCost, boolean includedInBudget, String whenCouldBeIncluded) {

    public IndicativeLine {
        if (service == null || service.isBlank()) {
            throw PlatformException.invalid("service", "Name the service.");
        }
        if (unitsPerYear == null || unitsPerYear.signum() < 0) {
            throw PlatformException.invalid("unitsPerYear", "Give the units a year, 0 or more.");
        }
        if (costPerUnit == null || costPerUnit.signum() < 0) {
            throw PlatformException.invalid("costPerUnit", "Give the cost per unit in pounds, 0 or more.");
        }
        BigDecimal worked = unitsPerYear.multiply(costPerUnit).setScale(2, RoundingMode.HALF_UP);
        if (annualCost == null) {
            annualCost = worked;
        } else if (annualCost.signum() < 0) {
            throw PlatformException.invalid("annualCost", "An annual cost cannot be negative.");
        } else {
            annualCost = annualCost.setScale(2, RoundingMode.HALF_UP);
        }
        costPerUnit = costPerUnit.setScale(2, RoundingMode.HALF_UP);
        unit = unit == null || unit.isBlank() ? "unit" : unit;
        costingMethod = costingMethod == null || costingMethod.isBlank() ? "Entered by the coordinator" : costingMethod;
    }
}
