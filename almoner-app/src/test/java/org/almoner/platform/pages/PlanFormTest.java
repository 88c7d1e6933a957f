package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.almoner.platform.plans.PlanContent;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.PlanningCriteria;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class PlanFormTest {

    private static final PlanContent PLAN = new PlanContent(
            new PlanContent.AboutMe("I love gardening.", "Staying at home.", "Speak clearly."),
            List.of(new PlanContent.Contact(PlanContent.ContactKind.PERSONAL, "Dana", "Daughter", null, "01632 960000")),
            List.of("Determined", "Supportive family"),
            List.of(new PlanContent.Need("Personal care", List.of(new PlanContent.PlanGoal("Dressed by 9am", "My own carers", null)))),
            List.of(new PlanContent.PlanAction("Recruit an assistant", "Dana", null, null)),
            List.of(new PlanContent.Outcome("Remain at home", "No admissions")),
            List.of(new PlanContent.Contingency(PlanContent.ContingencyKind.SAFETY, "A fall", "Press the pendant", "Careline")),
            List.of(new PlanLine("Personal assistant", null, "2 hours a day", new BigDecimal("730"), "hour", new BigDecimal("15.50"), null,
                            PlanLine.FundingSource.NHS, PlanLine.Management.DIRECT_PAYMENT),
                    new PlanLine("Day centre", "L0001", "weekly", new BigDecimal("52"), "session", new BigDecimal("45"), null,
                            PlanLine.FundingSource.SOCIAL_CARE, PlanLine.Management.NOTIONAL)),
            new PlanContent.Agreement(PlanContent.AgreedBy.PERSON, "Olive Owen", LocalDate.of(2025, 5, 1)),
            LocalDate.of(2025, 11, 1),
            new PlanningCriteria(true, true, false, true, true));

    @Test
    void aPlanShownInTheFormAndPostedBackIsTheSamePlan() {
        assertThat(PlanForm.read(PlanForm.values(PLAN), PLAN)).isEqualTo(PLAN);
    }

    @Test
    void sectionsTheEditorDoesNotShowAreKeptAndGoalsStayWithTheirNeed() {
        PlanContent read = PlanForm.read(PlanForm.values(PLAN), PLAN);

        assertThat(read.contacts()).isEqualTo(PLAN.contacts());
        assertThat(read.actions()).isEqualTo(PLAN.actions());
        assertThat(read.needs().getFirst().goals()).extracting(PlanContent.PlanGoal::description).containsExactly("Dressed by 9am");
    }

    @Test
    void blankRowsAreDroppedAndTheCostIsWorkedOut() {
        Map<String, String> form = new HashMap<>(PlanForm.values(PLAN));
        form.put("lines[2].support", "");
        form.put("lines[2].unitCost", " ");
        form.put("outcomes[1].description", "");

        PlanContent read = PlanForm.read(form, PLAN);

        assertThat(read.lines()).hasSize(2);
        assertThat(read.outcomes()).hasSize(1);
        assertThat(read.totalAnnualCost()).isEqualByComparingTo("13655.00");
    }

    @Test
    void aBadCostNamesTheInputOfItsLine() {
        Map<String, String> form = new HashMap<>(PlanForm.values(PLAN));
        form.put("lines[1].unitCost", "forty-five");

        assertThatThrownBy(() -> PlanForm.read(form, PLAN))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.field()).contains("lines[1].unitCost");
                    assertThat(FormErrors.of(refusal)).containsOnlyKeys("lines-1-unitCost");
                    assertThat(refusal.getMessage()).contains("pounds and pence");
                });
    }

    @Test
    void aHalfFilledAgreementNamesWhatIsMissing() {
        Map<String, String> form = new HashMap<>(PlanForm.values(PLAN));
        form.remove("agreement.name");

        assertThatThrownBy(() -> PlanForm.read(form, PLAN))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> assertThat(refusal.field()).contains("agreement.name"));
    }

    @Test
    void anImpossibleDateIsRefusedInPlainWords() {
        Map<String, String> form = new HashMap<>(PlanForm.values(PLAN));
        form.put("plannedReview-day", "31");
        form.put("plannedReview-month", "2");

        assertThatThrownBy(() -> PlanForm.read(form, PLAN))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.field()).contains("plannedReview");
                    assertThat(refusal.getMessage()).isEqualTo("Enter a real date, for example 27 3 2007.");
                });
    }
}
