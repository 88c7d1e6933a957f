package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The part of a contract's activity and cost in the base year that belongs to one cohort. The cost
 * attributed to the cohort bounds what any release method can take out of the contract for the
 * cohort's budget holders: the cohort's share of the contract's activity times the smaller of the
 * contract's value and what the linked population's activity under it costs. When the linked data
 * covers the whole population the contract serves, that is the cohort's share of the contract value
 * (a block contract's value attributed by activity); when it covers fewer people, it is the cohort's
 * own cost, never the value of care bought for people outside the linked data.
 *
 * @param contractId the contract
 * @param cohort the cohort (or "not linked to a person", "not in a cohort")
 * @param people distinct people of the cohort with activity under the contract
 * @param activityRows activity rows under the contract
 * @param costInLinkedData their cost in the linked data (a row under two contracts counts half to each)
 * @param share the cohort's share of the contract's costed activity, 0 to 1, to six places
 * @param attributedCost that share of the smaller of the contract's annual value and the linked
 *     population's cost under it, to the penny
 */
public record ContractCohortShare(String contractId, String cohort, long people, long activityRows,
        BigDecimal costInLinkedData, BigDecimal share, BigDecimal attributedCost) {

    /** The cohort of activity rows not linked to any person; they never hold budgets. */
    public static final String NOT_LINKED = "not linked to a person";

    public ContractCohortShare {
        requireNonNull(contractId, "contractId is null");
        requireNonNull(cohort, "cohort is null");
        requireNonNull(costInLinkedData, "costInLinkedData is null");
        requireNonNull(share, "share is null");
        requireNonNull(attributedCost, "attributedCost is null");
    }
}
