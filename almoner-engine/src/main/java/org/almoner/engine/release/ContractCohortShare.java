package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The part of a contract's activity and cost in the base year that belongs to one cohort.
 *
 * @param contractId the contract
 * @param cohort the cohort (or "not linked to a person", "not in a cohort")
 * @param people distinct people of the cohort with activity under the contract
 * @param activityRows activity rows under the contract
 * @param costInLinkedData their cost in the linked data
 * @param share the cohort's share of the contract's costed activity, 0 to 1, to six places
 * @param attributedValue that share of the contract's annual value, to the penny
 */
public record ContractCohortShare(String contractId, String cohort, long people, long activityRows,
        BigDecimal costInLinkedData, BigDecimal share, BigDecimal attributedValue) {

    /** The cohort of activity rows not linked to any person; they never hold budgets. */
    public static final String NOT_LINKED = "not linked to a person";

    public ContractCohortShare {
        requireNonNull(contractId, "contractId is null");
        requireNonNull(cohort, "cohort is null");
        requireNonNull(costInLinkedData, "costInLinkedData is null");
        requireNonNull(share, "share is null");
        requireNonNull(attributedValue, "attributedValue is null");
    }
}
