package org.almoner.engine.costing;

/**
 * Which level of the costing hierarchy priced a row, written in the {@code costing_method} column.
 * The levels are tried in declaration order.
 */
public enum CostingMethod {
    /** National tariff price for the year, currency and point of delivery, times the provider's MFF. */
    TARIFF,
    /** National reference cost (National Cost Collection) for the currency and unit. */
    REFERENCE_COST,
    /** The cost the source recorded on the row, else the local cost for provider, service and unit. */
    LOCAL_COST,
    /** PSSRU Unit Costs of Health and Social Care for the service and unit. */
    UNIT_COST,
    /** No level had a price: the cost is left empty, never zero. */
    UNCOSTED
}
