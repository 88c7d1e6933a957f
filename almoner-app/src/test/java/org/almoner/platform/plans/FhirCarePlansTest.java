package org.almoner.platform.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class FhirCarePlansTest {

    private final FhirCarePlans fhir = new FhirCarePlans();

    @Test
    void exportsACarePlanWithGoalsAndReadsItBackUnchanged() {
        PlanContent plan = fullPlan();

        String bundle = fhir.export(UUID.randomUUID(), 3, plan, Optional.of("9990000018"), "Jo Journey");

        assertThat(bundle).contains("\"resourceType\": \"CarePlan\"", "\"resourceType\": \"Goal\"", "https://fhir.nhs.uk/Id/nhs-number",
                "\"status\": \"active\"", "\"intent\": \"plan\"", "\"currency\": \"GBP\"");
        assertThat(fhir.read(bundle)).isEqualTo(plan);
    }

    @Test
    void aDraftWithNothingInItSurvivesTheRoundTrip() {
        PlanContent empty = new PlanContent(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(fhir.read(fhir.export(UUID.randomUUID(), 0, empty, Optional.empty(), "Someone"))).isEqualTo(empty);
    }

    @Property(tries = 60)
    void anyPlanSurvivesExportAndImport(@ForAll("plans") PlanContent plan) {
        assertThat(fhir.read(fhir.export(UUID.randomUUID(), 1, plan, Optional.empty(), "Person"))).isEqualTo(plan);
    }

    @Test
    void refusesABundleWithoutACarePlanNamingWhere() {
        assertThatThrownBy(() -> fhir.read("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}"))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.FHIR_INVALID);
                    assertThat(refusal.field()).contains("Bundle.entry");
                });
    }

    @Test
    void refusesACostedLineInAnotherCurrency() {
        String bundle = fhir.export(UUID.randomUUID(), 1, fullPlan(), Optional.empty(), "Person").replaceFirst("\"GBP\"", "\"EUR\"");

        assertThatThrownBy(() -> fhir.read(bundle)).isInstanceOfSatisfying(PlatformException.class,
                refusal -> assertThat(refusal.getMessage()).contains("GBP").contains("CarePlan.activity["));
    }

    @Test
    void refusesTextThatIsNotFhir() {
        assertThatThrownBy(() -> fhir.read("not json")).isInstanceOfSatisfying(PlatformException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(PlatformErrorCode.FHIR_INVALID));
    }

    static PlanContent fullPlan() {
        return new PlanContent(
                new PlanContent.AboutMe("I live with my daughter.", "Staying at home; my garden.", "Hearing aid"),
                List.of(new PlanContent.Contact(PlanContent.ContactKind.PROFESSIONAL, "Nurse Jones", "Assessor", "Northfield ICB", "01632 960001"),
                        new PlanContent.Contact(PlanContent.ContactKind.PERSONAL, "Dana", "Daughter", null, null)),
                List.of("Determined", "Good neighbours"),
                List.of(new PlanContent.Need("Personal care", List.of(
                                new PlanContent.PlanGoal("Dressed by 9am", "Choose my carers", LocalDate.of(2027, 3, 31)),
                                new PlanContent.PlanGoal("Shower twice a week", null, null))),
                        new PlanContent.Need("Loneliness", List.of())),
                List.of(new PlanContent.PlanAction("Recruit a personal assistant", "Dana", LocalDate.of(2027, 1, 31), PlanContent.ActionStatus.IN_PROGRESS),
                        new PlanContent.PlanAction("Apply for blue badge", "Coordinator", null, PlanContent.ActionStatus.DONE)),
                List.of(new PlanContent.Outcome("Remain at home", "No unplanned admissions"), new PlanContent.Outcome("See friends weekly", null)),
                List.of(new PlanContent.Contingency(PlanContent.ContingencyKind.CONTINGENCY, "Assistant off sick", "Agency covers", "Brightcare"),
                        new PlanContent.Contingency(PlanContent.ContingencyKind.SAFETY, "A fall", "Press the pendant", null)),
                List.of(new PlanLine("Personal assistant", null, "2 hours a day", new BigDecimal("730"), "hour", new BigDecimal("15.50"), null,
                                PlanLine.FundingSource.NHS, PlanLine.Management.DIRECT_PAYMENT),
                        new PlanLine("Day centre", "L0001", "weekly", new BigDecimal("52.5"), "session", new BigDecimal("45"), null,
                                PlanLine.FundingSource.SOCIAL_CARE, PlanLine.Management.NOTIONAL)),
                new PlanContent.Agreement(PlanContent.AgreedBy.REPRESENTATIVE, "Dana", LocalDate.of(2026, 11, 1)),
                LocalDate.of(2027, 5, 1),
                new PlanningCriteria(true, true, false, true, true));
    }

    @Provide
    Arbitrary<PlanContent> plans() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abcdefghij KLMNOP'é£-").ofMinLength(1).ofMaxLength(30)
                .filter(value -> !value.isBlank() && value.strip().equals(value));
        Arbitrary<String> optionalText = text.injectNull(0.3);
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 3650).map(days -> LocalDate.of(2020, 1, 1).plusDays(days));
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000")).ofScale(2);
        Arbitrary<BigDecimal> units = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9000")).ofScale(1);
        Arbitrary<PlanLine> lines = Combinators.combine(text, optionalText, text, units, text, money,
                        Arbitraries.of(PlanLine.FundingSource.class), Arbitraries.of(PlanLine.Management.class))
                .as((support, provider, frequency, perYear, unit, cost, funding, management) ->
                        new PlanLine(support, provider, frequency, perYear, unit, cost, null, funding, management));
        Arbitrary<PlanContent.Need> needs = Combinators.combine(text,
                        Combinators.combine(text, optionalText, dates.injectNull(0.3)).as(PlanContent.PlanGoal::new).list().ofMaxSize(3))
                .as(PlanContent.Need::new);
        Arbitrary<PlanContent.PlanAction> actions = Combinators.combine(text, text, dates.injectNull(0.3),
                Arbitraries.of(PlanContent.ActionStatus.class)).as(PlanContent.PlanAction::new);
        Arbitrary<PlanContent.Contact> contacts = Combinators.combine(Arbitraries.of(PlanContent.ContactKind.class), text, optionalText,
                optionalText, optionalText).as(PlanContent.Contact::new);
        Arbitrary<PlanContent.Contingency> contingencies = Combinators.combine(Arbitraries.of(PlanContent.ContingencyKind.class), text, text,
                optionalText).as(PlanContent.Contingency::new);
        Arbitrary<PlanContent.Agreement> agreements = Combinators.combine(Arbitraries.of(PlanContent.AgreedBy.class), text, dates)
                .as(PlanContent.Agreement::new).injectNull(0.2);
        Arbitrary<PlanningCriteria> criteria = Arbitraries.of(true, false).list().ofSize(5)
                .map(flags -> new PlanningCriteria(flags.get(0), flags.get(1), flags.get(2), flags.get(3), flags.get(4)));
        Arbitrary<PlanContent.AboutMe> aboutMe = Combinators.combine(optionalText, optionalText, optionalText).as(PlanContent.AboutMe::new);
        return Combinators.combine(aboutMe, contacts.list().ofMaxSize(3), text.list().ofMaxSize(3), needs.list().ofMaxSize(3),
                        actions.list().ofMaxSize(3), Combinators.combine(text, optionalText).as(PlanContent.Outcome::new).list().ofMaxSize(3),
                        contingencies.list().ofMaxSize(2), lines.list().ofMaxSize(4))
                .flatAs((about, contactList, strengths, needList, actionList, outcomes, contingencyList, lineList) ->
                        Combinators.combine(agreements, dates.injectNull(0.2), criteria)
                                .as((agreement, review, met) -> new PlanContent(about, contactList, strengths, needList, actionList, outcomes,
                                        contingencyList, lineList, agreement, review, met)));
    }
}
