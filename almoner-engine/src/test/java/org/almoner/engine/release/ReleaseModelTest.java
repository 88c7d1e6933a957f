package org.almoner.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.almoner.engine.EngineException;
import org.almoner.engine.capitation.FinancialYear;
import org.junit.jupiter.api.Test;

class ReleaseModelTest {

    private static final FinancialYear BASE = new FinancialYear(2024);

    private static Contract contract(String id, String type, String... services) {
        return new Contract(id, "Northfield ICB", "P-" + id, "Provider of " + id, type, new BigDecimal("1000000.00"),
                List.of(services));
    }

    /**
     * Cohorts A and B hold 30% and 60% of the contract's activity; 10% is not linked to anyone and never
     * budgeted. The linked data covers the contract's whole population: its activity costs the contract's
     * value, 1,000,000.
     */
    private static List<ContractCohortShare> shares(String contractId) {
        return shares(contractId, new BigDecimal("1000000"));
    }

    /** The same shares when the linked population's activity under the contract costs {@code linkedCost}. */
    private static List<ContractCohortShare> shares(String contractId, BigDecimal linkedCost) {
        BigDecimal part = linkedCost.min(new BigDecimal("1000000.00"));
        return List.of(
                new ContractCohortShare(contractId, "A", 10, 100, linkedCost.multiply(new BigDecimal("0.3")),
                        new BigDecimal("0.300000"), part.multiply(new BigDecimal("0.3")).setScale(2)),
                new ContractCohortShare(contractId, "B", 20, 200, linkedCost.multiply(new BigDecimal("0.6")),
                        new BigDecimal("0.600000"), part.multiply(new BigDecimal("0.6")).setScale(2)),
                new ContractCohortShare(contractId, "not linked to a person", 0, 10, linkedCost.multiply(new BigDecimal("0.1")),
                        new BigDecimal("0.100000"), part.multiply(new BigDecimal("0.1")).setScale(2)));
    }

    /** Take-up 10%, 20%, 30%: budget holders use 9%, 18%, 27% of the contract. */
    private static Scenario scenario(String growthPercent, String thresholdPercent, Map<String, BigDecimal> issues,
            MethodRule... rules) {
        return new Scenario("test", 3, new BigDecimal(growthPercent), new BigDecimal(thresholdPercent), new BigDecimal("30"),
                Map.of(Scenario.DEFAULT_COHORT, List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"))),
                issues, Map.of(), List.of(rules));
    }

    private static MethodRule rule(ReleaseMethod method, int from, Integer to, Map<String, BigDecimal> parameters) {
        return new MethodRule(method, Set.of(), Set.of(), from, to, parameters, null);
    }

    private static List<ReleaseLine> run(Contract contract, Scenario scenario) {
        return new ReleaseModel(List.of(contract), shares(contract.contractId()), BASE).run(scenario);
    }

    private static List<ReleaseLine> runBlock(Scenario scenario) {
        return run(contract("K", "BLOCK", "community"), scenario);
    }

    @Test
    void doubleFundingPaysBudgetsWithNewMoneyForItsYearsOnly() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.DOUBLE_FUNDING, 1, 2, Map.of())));

        assertThat(lines.get(0).budgetNeed()).isEqualByComparingTo("90000.00");
        assertThat(lines.get(0).doubleFunding()).isEqualByComparingTo("90000.00");
        assertThat(lines.get(0).released()).isEqualByComparingTo("0.00");
        assertThat(lines.get(0).wonBack()).isEqualByComparingTo("27000.00");
        assertThat(lines.get(0).providerNet()).isEqualByComparingTo("27000.00");
        assertThat(lines.get(1).doubleFunding()).isEqualByComparingTo("180000.00");
        assertThat(lines.get(2).method()).isNull();
        assertThat(lines.get(2).doubleFunding()).isEqualByComparingTo("0.00");
        assertThat(lines.get(2).notYetInScope()).isEqualByComparingTo("270000.00");
        assertThat(lines.get(0).financialYear()).isEqualTo("2025/26");
    }

    @Test
    void localCquinReleasesOnlyTheIncentiveNotEarned() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.LOCAL_CQUIN, 1, null,
                Map.of("cquinPercent", new BigDecimal("2.5"), "achievementPercent", new BigDecimal("40")))));

        assertThat(lines.get(0).released()).isEqualByComparingTo("15000.00");
        assertThat(lines.get(0).unfunded()).isEqualByComparingTo("75000.00");
        assertThat(lines.get(0).wonBack()).isEqualByComparingTo("4500.00");
        assertThat(lines.get(0).shareReleased()).isEqualByComparingTo("1.50");
    }

    @Test
    void gainRiskSharingGivesTheProviderATaperingShareBack() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.GAIN_RISK_SHARING, 1, null,
                Map.of("providerSharePercent", new BigDecimal("50"), "taperYears", new BigDecimal("2")))));

        assertThat(lines).extracting(ReleaseLine::released)
                .containsExactly(new BigDecimal("90000.00"), new BigDecimal("180000.00"), new BigDecimal("270000.00"));
        assertThat(lines).extracting(ReleaseLine::transitionalSupport)
                .containsExactly(new BigDecimal("45000.00"), new BigDecimal("45000.00"), new BigDecimal("0.00"));
        assertThat(lines.get(0).providerNet()).isEqualByComparingTo("-18000.00");
    }

    @Test
    void providerManagedBudgetsKeepWhatPeopleChooseTheProviderFor() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.PROVIDER_MANAGED_BUDGETS, 1, null,
                Map.of("providerRetainsPercent", new BigDecimal("60")))));

        assertThat(lines.get(0).released()).isEqualByComparingTo("90000.00");
        assertThat(lines.get(0).wonBack()).isEqualByComparingTo("54000.00");
        assertThat(lines.get(0).providerNet()).isEqualByComparingTo("-36000.00");
    }

    @Test
    void reducedGrowthReleasesNoMoreThanTheGrowthWithheld() {
        List<ReleaseLine> lines = runBlock(scenario("3", "3", Map.of(), rule(ReleaseMethod.REDUCED_GROWTH, 1, null,
                Map.of("growthReductionPercent", new BigDecimal("1")))));

        // Planned 1,030,000 against 1,020,000 on reduced growth; need is 9% of 1,030,000.
        assertThat(lines.get(0).plannedValue()).isEqualByComparingTo("1030000.00");
        assertThat(lines.get(0).budgetNeed()).isEqualByComparingTo("92700.00");
        assertThat(lines.get(0).released()).isEqualByComparingTo("10000.00");
        assertThat(lines.get(0).unfunded()).isEqualByComparingTo("82700.00");
        // Year 2: 1,060,900 planned against 1,040,400.
        assertThat(lines.get(1).released()).isEqualByComparingTo("20500.00");
    }

    @Test
    void individualisedCommissioningReleasesFromCostPerCaseContractsOnly() {
        Scenario scenario = scenario("0", "3", Map.of(), rule(ReleaseMethod.INDIVIDUALISED_COMMISSIONING, 1, null, Map.of()));

        List<ReleaseLine> block = runBlock(scenario);
        List<ReleaseLine> perCase = run(contract("C", "COST_PER_CASE", "CHC_HOME_CARE"), scenario);

        assertThat(block.get(0).released()).isEqualByComparingTo("0.00");
        assertThat(block.get(0).unfunded()).isEqualByComparingTo("90000.00");
        assertThat(perCase.get(0).released()).isEqualByComparingTo("90000.00");
        assertThat(perCase.get(0).unfunded()).isEqualByComparingTo("0.00");
    }

    @Test
    void serviceIssuesReleaseUnusedCapacityAndNothingComesBack() {
        List<ReleaseLine> byParameter = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.SERVICE_ISSUES, 1, null,
                Map.of("unusedCapacityPercent", new BigDecimal("4")))));
        List<ReleaseLine> byScenario = runBlock(scenario("0", "3", Map.of("K", new BigDecimal("6")),
                rule(ReleaseMethod.SERVICE_ISSUES, 1, null, Map.of())));

        assertThat(byParameter.get(0).released()).isEqualByComparingTo("40000.00");
        assertThat(byParameter.get(0).unfunded()).isEqualByComparingTo("50000.00");
        assertThat(byParameter.get(0).wonBack()).isEqualByComparingTo("0.00");
        assertThat(byScenario.get(0).released()).isEqualByComparingTo("60000.00");
    }

    @Test
    void capitationReleasesTheNeedAndATopSliceNeverMoreThanTheNeed() {
        List<ReleaseLine> capitated = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null,
                Map.of())));
        List<ReleaseLine> topSliced = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null,
                Map.of("topSlicePercent", new BigDecimal("12")))));

        assertThat(capitated.get(0).released()).isEqualByComparingTo("90000.00");
        // A 12% slice is 120,000, but budget holders' care is worth only 90,000 in year 1.
        assertThat(topSliced.get(0).released()).isEqualByComparingTo("90000.00");
        assertThat(topSliced.get(0).wonBack()).isEqualByComparingTo("27000.00");
        assertThat(topSliced.get(2).released()).isEqualByComparingTo("120000.00");
        assertThat(topSliced.get(2).unfunded()).isEqualByComparingTo("150000.00");
    }

    @Test
    void releasesOnlyTheCohortsOwnCostWhenTheLinkedDataCoversFewOfTheContractsPeople() {
        // The linked population's activity under a 1,000,000 contract costs 1,000: a small population.
        Contract contract = contract("K", "BLOCK", "community");
        List<ContractCohortShare> small = shares("K", new BigDecimal("1000"));
        ReleaseModel model = new ReleaseModel(List.of(contract), small, BASE);

        List<ReleaseLine> capitated = model.run(scenario("2.5", "3", Map.of(),
                rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));
        List<ReleaseLine> sliced = model.run(scenario("0", "3", Map.of(),
                rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of("topSlicePercent", new BigDecimal("2")))));
        List<ReleaseLine> cquin = model.run(scenario("0", "3", Map.of(), rule(ReleaseMethod.LOCAL_CQUIN, 1, null,
                Map.of("cquinPercent", new BigDecimal("2.5"), "achievementPercent", new BigDecimal("40")))));

        // 10% take-up of cohorts costing 900, grown 2.5%: 92.25, not 10% of the whole contract's value.
        assertThat(capitated.get(0).budgetNeed()).isEqualByComparingTo("92.25");
        assertThat(capitated.get(0).released()).isEqualByComparingTo("92.25");
        assertThat(capitated.get(0).linkedPopulationValue()).isEqualByComparingTo("1025.00");
        assertThat(capitated.get(0).plannedValue()).isEqualByComparingTo("1025000.00");
        assertThat(capitated.get(0).shareReleased()).isEqualByComparingTo("0.01");
        assertThat(capitated.get(0).flagged()).isFalse();
        // Limits set as a share of the contract apply to the linked population's part of it.
        assertThat(sliced.get(0).released()).isEqualByComparingTo("20.00");
        assertThat(sliced.get(0).unfunded()).isEqualByComparingTo("70.00");
        assertThat(cquin.get(0).released()).isEqualByComparingTo("15.00");
    }

    @Test
    void cohortSharesRoundedUpPastTheContractValueStayWithinIt() {
        // Three cohorts' costs, each rounded to the penny, add up to 3p more than the 1,000,000 contract.
        Contract contract = contract("K", "BLOCK", "community");
        List<ContractCohortShare> rounded = List.of(
                new ContractCohortShare("K", "A", 10, 100, new BigDecimal("333333.34"), new BigDecimal("0.333333"),
                        new BigDecimal("333333.34")),
                new ContractCohortShare("K", "B", 10, 100, new BigDecimal("333333.34"), new BigDecimal("0.333333"),
                        new BigDecimal("333333.34")),
                new ContractCohortShare("K", "C", 10, 100, new BigDecimal("333333.35"), new BigDecimal("0.333334"),
                        new BigDecimal("333333.35")));
        Scenario everyone = new Scenario("test", 2, new BigDecimal("2.5"), new BigDecimal("3"), new BigDecimal("30"),
                Map.of(Scenario.DEFAULT_COHORT, List.of(new BigDecimal("100"), new BigDecimal("100"))), Map.of(), Map.of(),
                List.of(rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));

        List<ReleaseLine> lines = new ReleaseModel(List.of(contract), rounded, BASE).run(everyone);

        assertThat(lines).extracting(ReleaseLine::linkedPopulationValue)
                .containsExactly(new BigDecimal("1025000.00"), new BigDecimal("1050625.00"));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.linkedPopulationValue()).isEqualByComparingTo(line.plannedValue());
            assertThat(line.released()).isLessThanOrEqualTo(line.plannedValue());
        });
    }

    @Test
    void refusesALineReleasingMoreThanTheBudgetHoldersCost() {
        ReleaseLine line = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())))
                .get(0);
        ReleaseLine overReleased = new ReleaseLine(line.scenario(), line.year(), line.financialYear(), line.contract(),
                line.method(), line.stage(), line.plannedValue(), line.linkedPopulationValue(), line.budgetHolderShare(),
                line.budgetNeed(), line.notYetInScope(), line.budgetNeed().add(new BigDecimal("1.00")), line.doubleFunding(),
                line.unfunded(), line.wonBack(), line.spentElsewhere(), line.transitionalSupport(), line.providerNet(),
                line.shareReleased(), line.flagged());

        ReleaseModel.checkBounded(line);
        assertThatThrownBy(() -> ReleaseModel.checkBounded(overReleased)).isInstanceOf(EngineException.class)
                .hasMessageContaining("K in 2025/26").hasMessageContaining("not bounded");
    }

    @Test
    void moneyFollowsThePersonForTheServicesWithARealChoice() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(), rule(ReleaseMethod.MONEY_FOLLOWS_PERSON, 1, null,
                Map.of("suitableForChoicePercent", new BigDecimal("50")))));

        assertThat(lines.get(0).budgetNeed()).isEqualByComparingTo("45000.00");
        assertThat(lines.get(0).notYetInScope()).isEqualByComparingTo("45000.00");
        assertThat(lines.get(0).released()).isEqualByComparingTo("45000.00");
        assertThat(lines.get(0).wonBack()).isEqualByComparingTo("13500.00");
    }

    @Test
    void theFirstMatchingRuleAppliesEachYear() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(),
                rule(ReleaseMethod.DOUBLE_FUNDING, 1, 1, Map.of()),
                rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));

        assertThat(lines).extracting(ReleaseLine::method).containsExactly(ReleaseMethod.DOUBLE_FUNDING,
                ReleaseMethod.CAPITATED_TOP_SLICE, ReleaseMethod.CAPITATED_TOP_SLICE);
    }

    @Test
    void flagsAContractLosingMoreThanTheThresholdInAYear() {
        List<ReleaseLine> strict = runBlock(scenario("0", "8", Map.of(),
                rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));
        List<ReleaseLine> exactlyAtThreshold = runBlock(scenario("0", "9", Map.of(),
                rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));

        assertThat(strict.get(0).shareReleased()).isEqualByComparingTo("9.00");
        assertThat(strict.get(0).flagged()).isTrue();
        assertThat(exactlyAtThreshold.get(0).flagged()).isFalse();
        assertThat(exactlyAtThreshold.get(1).flagged()).isTrue();
    }

    @Test
    void providerStabilityNetsReleasedAgainstIncomeWonBack() {
        List<ReleaseLine> lines = runBlock(scenario("0", "3", Map.of(),
                rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));

        List<ProviderYear> providers = ProviderYear.of(lines, new Scenario("test", 3, BigDecimal.ZERO, new BigDecimal("5"),
                new BigDecimal("30"), Map.of(Scenario.DEFAULT_COHORT, List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)),
                Map.of(), Map.of(), List.of()), Map.of());

        // Year 1: 90,000 released, 27,000 won back: net -63,000, 6.3% of 1,000,000: over 5%.
        assertThat(providers.get(0).net()).isEqualByComparingTo("-63000.00");
        assertThat(providers.get(0).netPercent()).isEqualByComparingTo("-6.30");
        assertThat(providers.get(0).flagged()).isTrue();
        assertThat(providers.get(0).contractsFlagged()).isEqualTo(1);
    }

    @Test
    void budgetMoneySpentAwayFromTheProviderIsIncomeForTheProvidersPeopleChoose() {
        Scenario scenario = new Scenario("test", 3, BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("30"),
                Map.of(Scenario.DEFAULT_COHORT, List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"))),
                Map.of(), Map.of("V0001", new BigDecimal("25")),
                List.of(rule(ReleaseMethod.CAPITATED_TOP_SLICE, 1, null, Map.of())));
        List<ReleaseLine> lines = runBlock(scenario);

        List<ProviderYear> providers = ProviderYear.of(lines, scenario, Map.of("V0001", "Northfield Carers Centre"));

        // Year 1: 90,000 released, 27,000 won back, 63,000 spent elsewhere; a quarter of it with V0001.
        assertThat(lines.get(0).spentElsewhere()).isEqualByComparingTo("63000.00");
        ProviderYear carers = providers.stream().filter(provider -> provider.year() == 1
                && provider.providerCode().equals("V0001")).findFirst().orElseThrow();
        assertThat(carers.providerName()).isEqualTo("Northfield Carers Centre");
        assertThat(carers.budgetIncome()).isEqualByComparingTo("15750.00");
        assertThat(carers.net()).isEqualByComparingTo("15750.00");
        assertThat(carers.flagged()).isFalse();
        List<YearTotals> totals = YearTotals.of(scenario, lines, providers, Map.of("A", 10L, "B", 20L),
                Map.of("A", new BigDecimal("400000"), "B", new BigDecimal("700000")));
        assertThat(totals.get(0).providerNet()).isEqualByComparingTo("-47250.00");
        assertThat(totals.get(0).budgetHolders()).isEqualTo(3);
    }

    @Test
    void theStagedPlanFollowsTheOrderOfHandbookSectionThreeThree() {
        Contract perCase = contract("CHC", "COST_PER_CASE", "CHC_HOME_CARE");
        Contract community = contract("COM", "BLOCK", "community");
        Contract acute = contract("ACU", "TARIFF", "admitted_patient_care", "a_and_e");
        Contract mentalHealth = contract("MH", "BLOCK", "mental_health");
        List<Contract> contracts = List.of(perCase, community, acute, mentalHealth);
        List<MethodRule> rules = StagedPlan.rules(contracts, Map.of("COM", new BigDecimal("4")));
        Scenario scenario = new Scenario("staged", 5, BigDecimal.ZERO, new BigDecimal("3"), new BigDecimal("30"),
                Map.of(Scenario.DEFAULT_COHORT, List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ONE)), Map.of("COM", new BigDecimal("4")), Map.of(), rules);

        List<ReleaseLine> lines = new ReleaseModel(contracts, contracts.stream()
                .flatMap(contract -> shares(contract.contractId()).stream()).toList(), BASE).run(scenario);

        assertThat(firstYearInScope(lines, "CHC")).isEqualTo(1);
        assertThat(methodOf(lines, "CHC")).isEqualTo(ReleaseMethod.INDIVIDUALISED_COMMISSIONING);
        assertThat(firstYearInScope(lines, "COM")).isEqualTo(2);
        assertThat(methodOf(lines, "COM")).isEqualTo(ReleaseMethod.SERVICE_ISSUES);
        assertThat(firstYearInScope(lines, "ACU")).isEqualTo(4);
        assertThat(methodOf(lines, "ACU")).isEqualTo(ReleaseMethod.GAIN_RISK_SHARING);
        assertThat(firstYearInScope(lines, "MH")).isEqualTo(5);
        assertThat(methodOf(lines, "MH")).isEqualTo(ReleaseMethod.CAPITATED_TOP_SLICE);
    }

    private static int firstYearInScope(List<ReleaseLine> lines, String contractId) {
        return lines.stream().filter(line -> line.contract().contractId().equals(contractId) && line.method() != null)
                .mapToInt(ReleaseLine::year).min().orElse(-1);
    }

    private static ReleaseMethod methodOf(List<ReleaseLine> lines, String contractId) {
        return lines.stream().filter(line -> line.contract().contractId().equals(contractId) && line.method() != null)
                .findFirst().map(ReleaseLine::method).orElse(null);
    }
}
