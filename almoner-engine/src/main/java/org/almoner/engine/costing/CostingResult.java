package org.almoner.engine.costing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a costing run did: every row is in exactly one method and one setting.
 *
 * @param rows how many activity rows were costed or left uncosted
 * @param byMethod rows and total cost for every costing method (methods with no rows show zero)
 * @param bySetting rows and total cost per setting code, sorted by setting; a blank setting shows as ""
 * @param uncosted how many rows no level could price
 * @param mentalHealthRowsWithoutSplit costed mental health cluster rows whose cluster has no split
 *     rule, so they have no rows in {@code mental_health_cluster_components}
 */
public record CostingResult(long rows, Map<CostingMethod, Tally> byMethod, Map<String, Tally> bySetting, long uncosted,
        long mentalHealthRowsWithoutSplit) {

    public CostingResult {
        requireNonNull(byMethod, "byMethod is null");
        requireNonNull(bySetting, "bySetting is null");
        EnumMap<CostingMethod, Tally> allMethods = new EnumMap<>(CostingMethod.class);
        for (CostingMethod method : CostingMethod.values()) {
            allMethods.put(method, byMethod.getOrDefault(method, new Tally(0, BigDecimal.ZERO)));
        }
        byMethod = Collections.unmodifiableMap(allMethods);
        bySetting = Collections.unmodifiableMap(new TreeMap<>(bySetting));
    }

    /** The total cost of all costed rows. */
    public BigDecimal totalCost() {
        return byMethod.values().stream().map(Tally::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
