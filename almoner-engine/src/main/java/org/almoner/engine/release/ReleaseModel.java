package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.capitation.FinancialYear;
import org.almoner.engine.capitation.LinkedData;

/**
 * Works a scenario through its horizon, contract by contract and year by year. Each year the budget
 * holders' cost in a contract is the sum over cohorts of the cost attributed to the cohort
 * ({@link ContractCohortShare#attributedCost()}) times the cohort's take-up, grown with the contract;
 * that is the need, and the method that applies to the contract that year decides how much of it
 * leaves the contract (docs/capitation.md gives each rule). No method releases more than the need.
 */
public final class ReleaseModel {

    /** Defaults for method parameters a scenario does not set; the sources are in docs/capitation.md. */
    static final BigDecimal CQUIN_PERCENT = new BigDecimal("1.25");
    static final BigDecimal CQUIN_ACHIEVEMENT_PERCENT = new BigDecimal("50");
    static final BigDecimal RISK_SHARE_PERCENT = new BigDecimal("50");
    static final BigDecimal TAPER_YEARS = new BigDecimal("3");
    static final BigDecimal PROVIDER_RETAINS_PERCENT = new BigDecimal("60");
    static final BigDecimal GROWTH_REDUCTION_PERCENT = new BigDecimal("1");
    static final BigDecimal UNUSED_CAPACITY_PERCENT = new BigDecimal("5");
    static final BigDecimal SUITABLE_FOR_CHOICE_PERCENT = new BigDecimal("100");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final List<Contract> contracts;
    private final List<ContractCohortShare> shares;
    private final FinancialYear baseYear;

    /**
     * @param contracts the base year's contracts
     * @param shares each contract's activity by cohort (pseudo-cohorts of unlinked rows never hold budgets)
     * @param baseYear the year the contracts and shares are for
     */
    public ReleaseModel(List<Contract> contracts, List<ContractCohortShare> shares, FinancialYear baseYear) {
        this.contracts = List.copyOf(requireNonNull(contracts, "contracts is null"));
        this.shares = List.copyOf(requireNonNull(shares, "shares is null"));
        this.baseYear = requireNonNull(baseYear, "baseYear is null");
    }

    /** Every contract in every year of the scenario's horizon. */
    public List<ReleaseLine> run(Scenario scenario) {
        requireNonNull(scenario, "scenario is null");
        List<ReleaseLine> lines = new ArrayList<>();
        for (int year = 1; year <= scenario.horizonYears(); year++) {
            for (Contract contract : contracts) {
                lines.add(line(scenario, contract, year));
            }
        }
        return lines;
    }

    private ReleaseLine line(Scenario scenario, Contract contract, int year) {
        BigDecimal growth = scenario.contractGrowthPercent().divide(HUNDRED, PRECISION);
        BigDecimal growthFactor = BigDecimal.ONE.add(growth).pow(year, PRECISION);
        BigDecimal planned = contract.annualValue().multiply(growthFactor);
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal attributed = BigDecimal.ZERO;
        BigDecimal holdersCost = BigDecimal.ZERO;
        for (ContractCohortShare share : shares) {
            if (share.contractId().equals(contract.contractId())) {
                attributed = attributed.add(share.attributedCost());
                if (holdsBudgets(share.cohort())) {
                    BigDecimal takeUp = scenario.takeUp(share.cohort(), year);
                    exposure = exposure.add(share.share().multiply(takeUp).divide(HUNDRED, PRECISION));
                    holdersCost = holdersCost.add(share.attributedCost().multiply(takeUp).divide(HUNDRED, PRECISION));
                }
            }
        }
        // Each cohort's attributed cost is rounded to the penny, so at a million people their sum can pass
        // the contract's value by a few pence; the linked population never holds more than the contract.
        attributed = attributed.min(contract.annualValue());
        holdersCost = holdersCost.min(attributed);
        // The linked population's part of the contract this year; limits set as a share of the contract
        // (CQUIN, growth withheld, unused capacity, top slice) apply to this part only, because the
        // rest of the contract pays for people outside the linked data, who hold no budget here.
        BigDecimal populationPart = attributed.multiply(growthFactor);
        BigDecimal coverage = contract.annualValue().signum() == 0 ? BigDecimal.ZERO
                : attributed.divide(contract.annualValue(), PRECISION);
        BigDecimal fullNeed = holdersCost.multiply(growthFactor);
        MethodRule rule = scenario.rules().stream().filter(candidate -> candidate.applies(contract, year)).findFirst()
                .orElse(null);
        BigDecimal need = fullNeed;
        BigDecimal notInScope = BigDecimal.ZERO;
        BigDecimal released = BigDecimal.ZERO;
        BigDecimal doubleFunding = BigDecimal.ZERO;
        BigDecimal support = BigDecimal.ZERO;
        BigDecimal chooseBack = scenario.chooseBackPercent();
        if (rule == null) {
            notInScope = fullNeed;
            need = BigDecimal.ZERO;
        } else {
            switch (rule.method()) {
                case DOUBLE_FUNDING -> doubleFunding = need;
                case LOCAL_CQUIN -> {
                    BigDecimal atRisk = percentOf(populationPart, rule.parameter("cquinPercent", CQUIN_PERCENT));
                    BigDecimal unearned = percentOf(atRisk, HUNDRED.subtract(
                            rule.parameter("achievementPercent", CQUIN_ACHIEVEMENT_PERCENT)));
                    released = need.min(unearned);
                }
                case GAIN_RISK_SHARING -> {
                    released = need;
                    BigDecimal taperYears = rule.parameter("taperYears", TAPER_YEARS);
                    BigDecimal taper = taperYears.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE.subtract(
                            BigDecimal.valueOf(year - rule.fromYear()).divide(taperYears, PRECISION)).max(BigDecimal.ZERO);
                    support = percentOf(released, rule.parameter("providerSharePercent", RISK_SHARE_PERCENT)).multiply(taper);
                }
                case PROVIDER_MANAGED_BUDGETS -> {
                    released = need;
                    chooseBack = rule.parameter("providerRetainsPercent", PROVIDER_RETAINS_PERCENT);
                }
                case REDUCED_GROWTH -> {
                    BigDecimal reduced = growth.subtract(rule.parameter("growthReductionPercent", GROWTH_REDUCTION_PERCENT)
                            .divide(HUNDRED, PRECISION));
                    BigDecimal path = contract.annualValue()
                            .multiply(BigDecimal.ONE.add(growth).pow(rule.fromYear() - 1, PRECISION))
                            .multiply(BigDecimal.ONE.add(reduced).pow(year - rule.fromYear() + 1, PRECISION));
                    BigDecimal withheld = planned.subtract(path).max(BigDecimal.ZERO).multiply(coverage);
                    released = need.min(withheld);
                }
                case INDIVIDUALISED_COMMISSIONING ->
                    released = contract.contractType().equals("COST_PER_CASE") ? need : BigDecimal.ZERO;
                case SERVICE_ISSUES -> {
                    BigDecimal unused = rule.parameter("unusedCapacityPercent",
                            scenario.serviceIssues().getOrDefault(contract.contractId(), UNUSED_CAPACITY_PERCENT));
                    released = need.min(percentOf(populationPart, unused));
                    // The provider could not deliver this capacity, so none of it comes back to it.
                    chooseBack = BigDecimal.ZERO;
                }
                case CAPITATED_TOP_SLICE -> released = rule.parameters().containsKey("topSlicePercent")
                        ? need.min(percentOf(populationPart, rule.parameters().get("topSlicePercent"))) : need;
                case MONEY_FOLLOWS_PERSON -> {
                    need = percentOf(fullNeed, rule.parameter("suitableForChoicePercent", SUITABLE_FOR_CHOICE_PERCENT));
                    notInScope = fullNeed.subtract(need);
                    released = need;
                }
            }
        }
        BigDecimal spentByBudgetHolders = released.add(doubleFunding);
        BigDecimal wonBack = pence(percentOf(spentByBudgetHolders, chooseBack));
        BigDecimal releasedPence = pence(released);
        BigDecimal supportPence = pence(support);
        BigDecimal plannedPence = pence(planned);
        BigDecimal needPence = pence(need);
        BigDecimal share = plannedPence.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : releasedPence.multiply(HUNDRED).divide(plannedPence, 2, RoundingMode.HALF_UP);
        ReleaseLine line = new ReleaseLine(scenario.name(), year, baseYear.plus(year).toString(), contract,
                rule == null ? null : rule.method(), rule == null ? null : rule.stage(), plannedPence, pence(populationPart),
                exposure.multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP), needPence, pence(notInScope), releasedPence,
                pence(doubleFunding), needPence.subtract(releasedPence).subtract(pence(doubleFunding)).max(ZERO),
                wonBack, pence(spentByBudgetHolders).subtract(wonBack).max(ZERO),
                supportPence,
                wonBack.add(supportPence).subtract(releasedPence), share,
                share.compareTo(scenario.stabilityThresholdPercent()) > 0);
        checkBounded(line);
        return line;
    }

    /**
     * The invariant every method keeps: money leaving a contract for budgets (released or paid by
     * double-funding) is never more than the budget holders' attributed cost in it that year, which is
     * never more than the linked population's part of the contract, which is never more than the
     * contract. A breach is a fault in this model, not in the input.
     */
    static void checkBounded(ReleaseLine line) {
        BigDecimal holdersCost = line.budgetNeed().add(line.notYetInScope());
        BigDecimal penny = new BigDecimal("0.01");
        boolean bounded = line.released().add(line.doubleFunding()).compareTo(line.budgetNeed().add(penny)) <= 0
                && holdersCost.compareTo(line.linkedPopulationValue().add(penny)) <= 0
                && line.linkedPopulationValue().compareTo(line.plannedValue().add(penny)) <= 0;
        if (!bounded) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Release of " + line.contract().contractId() + " in "
                    + line.financialYear() + " under '" + line.scenario() + "' is not bounded by the budget holders' cost: released "
                    + line.released() + " and double-funded " + line.doubleFunding() + " against need " + line.budgetNeed()
                    + ", budget holders' cost " + holdersCost + ", linked population's part " + line.linkedPopulationValue()
                    + ", planned value " + line.plannedValue() + ". Please report this as a fault.");
        }
    }

    /** Rows not linked to a person, and people in no cohort, cannot hold a budget. */
    static boolean holdsBudgets(String cohort) {
        return !cohort.equals(ContractCohortShare.NOT_LINKED) && !cohort.equals(LinkedData.NOT_IN_A_COHORT);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, PRECISION);
    }

    private static BigDecimal pence(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
