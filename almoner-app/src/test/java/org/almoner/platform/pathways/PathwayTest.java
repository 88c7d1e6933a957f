package org.almoner.platform.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class PathwayTest {

    private final Pathway pathway = pathway("10", "50000.00");

    @Test
    void anApproverDecidesUpToTheToleranceAboveTheIndicativeBudget() {
        assertThat(pathway.approvalLevelFor(new BigDecimal("10000.00"), new BigDecimal("11000.00"))).isEqualTo(ApprovalLevel.APPROVER);
        assertThat(pathway.approvalLevelFor(new BigDecimal("10000.00"), new BigDecimal("11000.01"))).isEqualTo(ApprovalLevel.PANEL);
        assertThat(pathway.approvalLevelFor(new BigDecimal("10000.00"), new BigDecimal("4000.00"))).isEqualTo(ApprovalLevel.APPROVER);
    }

    @Test
    void thePanelDecidesEveryBudgetAtOrAboveItsThreshold() {
        assertThat(pathway.approvalLevelFor(new BigDecimal("60000.00"), new BigDecimal("50000.00"))).isEqualTo(ApprovalLevel.PANEL);
        assertThat(pathway.approvalLevelFor(new BigDecimal("60000.00"), new BigDecimal("49999.99"))).isEqualTo(ApprovalLevel.APPROVER);
    }

    @Test
    void aZeroThresholdMeansNoBudgetGoesToThePanelOnSizeAlone() {
        assertThat(pathway("0", "0").approvalLevelFor(new BigDecimal("900000.00"), new BigDecimal("900000.00")))
                .isEqualTo(ApprovalLevel.APPROVER);
    }

    @Test
    void refusesANegativeTolerance() {
        assertThatThrownBy(() -> pathway("-1", "100")).isInstanceOfSatisfying(PlatformException.class,
                refusal -> assertThat(refusal.field()).contains("approvalTolerancePercent"));
    }

    private static Pathway pathway(String tolerance, String threshold) {
        return new Pathway("TEST", "d", "i", "r", "a", "g", "p", "v", "panel", new BigDecimal(tolerance), new BigDecimal(threshold), 10);
    }
}
