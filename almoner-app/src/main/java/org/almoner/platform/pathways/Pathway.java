package org.almoner.platform.pathways;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.almoner.platform.problems.PlatformException;

/**
 * One cohort's pathway.
 *
 * @param approvalTolerancePercent how far above the indicative budget a final budget may go and
 *     still be decided by a budget approver; beyond it the panel decides
 * @param panelThreshold a yearly amount at or above which the panel always decides
 * @param approvalDueDays how many days a decision may wait before it is flagged as late
 */
public record Pathway(String cohort, String description, String identifies, String refers, String assesses,
        String agreesBudgetAndPlan, String approves, String reviews, String panel, BigDecimal approvalTolerancePercent,
        BigDecimal panelThreshold, Integer approvalDueDays) {

    public Pathway {
        if (cohort == null || !cohort.matches("[A-Z0-9_]{2,40}")) {
            throw PlatformException.invalid("cohort", "A cohort code is 2 to 40 capital letters, digits or underscores, for example CHC_HOME_CARE.");
        }
        description = text(description, "description", "Say which people this pathway is for.");
        identifies = text(identifies, "identifies", "Say who identifies people suitable for a personal health budget.");
        refers = text(refers, "refers", "Say who makes the referral.");
        assesses = text(assesses, "assesses", "Say who receives the referral and assesses it.");
        agreesBudgetAndPlan = text(agreesBudgetAndPlan, "agreesBudgetAndPlan", "Say who agrees the indicative budget and the plan with the person.");
        approves = text(approves, "approves", "Say who approves the plan and budget.");
        reviews = text(reviews, "reviews", "Say who reviews the plan and budget.");
        panel = text(panel, "panel", "Name the panel or group that oversees the pathway.");
        if (approvalTolerancePercent == null || approvalTolerancePercent.signum() < 0 || approvalTolerancePercent.compareTo(new BigDecimal("1000")) > 0) {
            throw PlatformException.invalid("approvalTolerancePercent", "Give a tolerance from 0 to 1000 per cent.");
        }
        if (panelThreshold == null || panelThreshold.signum() < 0) {
            throw PlatformException.invalid("panelThreshold", "Give the yearly amount in pounds at or above which the panel decides (0 or more).");
        }
        if (approvalDueDays == null || approvalDueDays < 1 || approvalDueDays > 365) {
            throw PlatformException.invalid("approvalDueDays", "Give the days a decision may wait, from 1 to 365.");
        }
        approvalTolerancePercent = approvalTolerancePercent.setScale(2, RoundingMode.HALF_UP);
        panelThreshold = panelThreshold.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Who decides a final budget: a budget approver when it is within tolerance of the indicative
     * budget and below the panel threshold; otherwise the panel.
     */
    public ApprovalLevel approvalLevelFor(BigDecimal indicative, BigDecimal finalAmount) {
        BigDecimal ceiling = indicative.add(indicative.multiply(approvalTolerancePercent).movePointLeft(2));
        if (finalAmount.compareTo(panelThreshold) >= 0 && panelThreshold.signum() > 0) {
            return ApprovalLevel.PANEL;
        }
        return finalAmount.compareTo(ceiling) <= 0 ? ApprovalLevel.APPROVER : ApprovalLevel.PANEL;
    }

    private static String text(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw PlatformException.invalid(field, message);
        }
        return value.strip();
    }
}
