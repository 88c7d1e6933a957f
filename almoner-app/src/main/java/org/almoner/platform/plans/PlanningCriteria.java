package org.almoner.platform.plans;

/**
 * The five criteria of handbook 2.3.4 for counting a personalised care and support plan. A plan
 * counts only when all five hold.
 *
 * @param personCentralInDevelopingAndAgreeing people are central in developing and agreeing their
 *     plan, including deciding who is involved
 * @param proactivePersonalisedConversations people have proactive, personalised conversations
 *     which focus on what matters to them
 * @param outcomesAgreedInPartnership people agree the outcomes they want to achieve, in
 *     partnership with the relevant professionals
 * @param sharablePlanRecordsWhatMatters each person has a sharable plan which records what matters
 *     to them, their outcomes and how they will be achieved
 * @param ableToReview people are able to formally and informally review their plan
 */
public record PlanningCriteria(boolean personCentralInDevelopingAndAgreeing, boolean proactivePersonalisedConversations,
        boolean outcomesAgreedInPartnership, boolean sharablePlanRecordsWhatMatters, boolean ableToReview) {

    public static final PlanningCriteria NONE = new PlanningCriteria(false, false, false, false, false);

    /** True when all five hold, so the plan counts. */
    public boolean allMet() {
        return personCentralInDevelopingAndAgreeing && proactivePersonalisedConversations && outcomesAgreedInPartnership
                && sharablePlanRecordsWhatMatters && ableToReview;
    }
}
