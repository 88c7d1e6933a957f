package org.almoner.platform.problems;

/**
 * Every error the platform can answer with. The code is stable: clients may rely on it, so a
 * code is never renamed or reused. The status is the HTTP status it maps to.
 */
public enum PlatformErrorCode {
    INVALID_REQUEST(400, "The request is not valid"),
    UNREADABLE_REQUEST(400, "The request body could not be read"),
    SIGN_IN_REQUIRED(401, "Sign in required"),
    ACCESS_DENIED(403, "Not allowed"),
    ACCESS_REASON_REQUIRED(403, "A reason is needed to open a record outside your caseload"),
    NOT_FOUND(404, "Not found"),
    PERSON_NOT_FOUND(404, "Person not found"),
    REFERRAL_NOT_FOUND(404, "Referral not found"),
    PATHWAY_NOT_FOUND(404, "Pathway not found"),
    PLAN_NOT_FOUND(404, "Care and support plan not found"),
    PLAN_VERSION_NOT_FOUND(404, "Plan version not found"),
    BUDGET_NOT_FOUND(404, "Budget not found"),
    REVIEW_NOT_FOUND(404, "Review not found"),
    ACCOUNT_NOT_FOUND(404, "Account not found"),
    REPRESENTATIVE_NOT_FOUND(404, "Representative or nominee not found"),
    CARE_TEAM_MEMBER_NOT_FOUND(404, "Not in the care team"),
    DUPLICATE_PERSON(409, "Person already recorded"),
    REFERRAL_ALREADY_DECIDED(409, "Eligibility already decided"),
    PLAN_INCOMPLETE(409, "The plan cannot be agreed yet"),
    BUDGET_STATE_CONFLICT(409, "The budget is not in a state that allows this"),
    NOT_ELIGIBLE(409, "The person has no eligibility decision that allows a budget"),
    NO_STATEMENT_OF_RESOURCES(409, "No statement of resources for this person"),
    MECHANISM_SPLIT_MISMATCH(422, "The mechanisms do not add up to the budget"),
    DIRECT_PAYMENT_NOT_ALLOWED(409, "A direct payment is not allowed for this budget"),
    REVIEW_ALREADY_COMPLETED(409, "The review is already completed"),
    FHIR_INVALID(422, "The FHIR document cannot be imported"),
    CONCURRENT_CHANGE(409, "Someone else changed this record at the same time"),
    IDEMPOTENCY_KEY_REQUIRED(400, "An idempotency key is needed"),
    IDEMPOTENCY_KEY_REUSED(409, "That idempotency key was used for a different request"),
    LEDGER_NOT_OPEN(409, "The budget has no ledger yet"),
    INSUFFICIENT_FUNDS(409, "Not enough money in the budget"),
    PERIOD_CLOSED(409, "That month is closed"),
    TRANSACTION_NOT_FOUND(404, "Ledger transaction not found"),
    ALREADY_REVERSED(409, "That transaction was already reversed"),
    PAYMENT_REQUEST_NOT_FOUND(404, "Payment request not found"),
    BULK_CHANGE_NOT_FOUND(404, "Bulk change not found"),
    SECOND_PERSON_REQUIRED(409, "A second person must approve this"),
    RELATIONSHIP_ALREADY_ENDED(409, "That relationship has already ended"),
    REPRESENTATION_NEEDED(409, "The person needs someone to act for them"),
    COORDINATOR_NEEDED(409, "The care team needs a coordinator"),
    BUSY(503, "Too busy: try again shortly");

    private final int status;
    private final String title;

    PlatformErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
