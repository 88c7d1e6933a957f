package org.almoner.engine.release;

import java.util.Set;

/**
 * The methods of funding personalised care from existing contracts in the 2019 finance,
 * commissioning and contracting handbook, section 3.1 (also IPC summary 2.1.3), with the
 * parameters each takes in a scenario file (percentages unless named otherwise).
 */
public enum ReleaseMethod {
    /** 3.1.1: new money pays for budgets for a limited time while the contract stays whole. */
    DOUBLE_FUNDING("3.1.1", "Double-funding (time-limited)", Set.of()),
    /** 3.1.2: part of the contract is paid only for personalisation goals; what is not earned funds budgets. */
    LOCAL_CQUIN("3.1.2", "Local CQUIN", Set.of("cquinPercent", "achievementPercent")),
    /** 3.1.3: money leaves the contract but the provider gets back a tapering share while it adjusts. */
    GAIN_RISK_SHARING("3.1.3", "Gain/risk-sharing agreement", Set.of("providerSharePercent", "taperYears")),
    /** 3.1.4: the provider runs budgets (individual service funds) and keeps what people choose it for. */
    PROVIDER_MANAGED_BUDGETS("3.1.4", "Provider-managed budgets and individual service funds", Set.of("providerRetainsPercent")),
    /** 3.1.5: contract growth is reduced and the growth withheld funds budgets. */
    REDUCED_GROWTH("3.1.5", "Reduced growth or surplus in contracts", Set.of("growthReductionPercent")),
    /** 3.1.6: spot-purchase and cost-per-case contracts release money case by case. */
    INDIVIDUALISED_COMMISSIONING("3.1.6", "Individualised commissioning and spot purchase", Set.of()),
    /** 3.1.7: capacity the provider cannot deliver (vacancies, quality issues) funds budgets. */
    SERVICE_ISSUES("3.1.7", "Services with vacancies or quality issues", Set.of("unusedCapacityPercent")),
    /** 3.1.8: the average cost per person of the cohort (capitated) or a fixed slice is taken from the contract. */
    CAPITATED_TOP_SLICE("3.1.8", "Capitated budgets and top-slicing", Set.of("topSlicePercent")),
    /** 3.1.9: money follows the person for the services where they have a real choice. */
    MONEY_FOLLOWS_PERSON("3.1.9", "Money follows the person", Set.of("suitableForChoicePercent"));

    private final String handbookSection;
    private final String title;
    private final Set<String> parameters;

    ReleaseMethod(String handbookSection, String title, Set<String> parameters) {
        this.handbookSection = handbookSection;
        this.title = title;
        this.parameters = Set.copyOf(parameters);
    }

    /** The handbook section, like 3.1.4. */
    public String handbookSection() {
        return handbookSection;
    }

    /** The method's name in the handbook's words. */
    public String title() {
        return title;
    }

    /** Parameters a scenario may set for this method. */
    public Set<String> parameters() {
        return parameters;
    }
}
