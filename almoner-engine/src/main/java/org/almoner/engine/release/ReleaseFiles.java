package org.almoner.engine.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.capitation.CsvFile;

/** Writes the release files: contracts by cohort, each scenario's lines and providers, the comparison. */
final class ReleaseFiles {

    private final Path folder;

    ReleaseFiles(Path folder) {
        this.folder = folder;
    }

    void writeContractCohorts(List<Contract> contracts, List<ContractCohortShare> shares) {
        Map<String, Contract> byId = contracts.stream().collect(Collectors.toMap(Contract::contractId, contract -> contract));
        try (CsvFile csv = CsvFile.create(folder.resolve("contract_cohorts.csv"), List.of("contract_id", "commissioner",
                "provider_code", "provider_name", "contract_type", "annual_value", "cohort", "people", "activity_rows",
                "cost_in_linked_data", "share_of_contract_activity", "attributed_cost"))) {
            for (ContractCohortShare share : shares) {
                Contract contract = byId.get(share.contractId());
                csv.row(List.of(contract.contractId(), contract.commissioner(), contract.providerCode(),
                        contract.providerName(), contract.contractType(), contract.annualValue(), share.cohort(), share.people(),
                        share.activityRows(), share.costInLinkedData(), share.share(), share.attributedCost()));
            }
            for (Contract contract : contracts) {
                if (shares.stream().noneMatch(share -> share.contractId().equals(contract.contractId()))) {
                    csv.row(List.of(contract.contractId(), contract.commissioner(), contract.providerCode(),
                            contract.providerName(), contract.contractType(), contract.annualValue(),
                            "no activity in the linked data", 0, 0, "0.00", "0.000000", "0.00"));
                }
            }
        }
    }

    void writeScenario(ScenarioResult result, String slug) {
        Path scenario = folder.resolve("scenarios").resolve(slug);
        try (CsvFile csv = CsvFile.create(scenario.resolve("by_contract.csv"), List.of("scenario", "plan_year",
                "financial_year", "contract_id", "provider_code", "contract_type", "method", "handbook_section", "stage",
                "planned_value", "linked_population_value", "budget_holder_share_percent", "budget_need", "not_yet_in_scope",
                "released", "double_funding", "unfunded", "won_back", "spent_elsewhere", "transitional_support",
                "provider_net",
                "share_released_percent", "over_threshold"))) {
            for (ReleaseLine line : result.lines()) {
                csv.row(List.of(line.scenario(), line.year(), line.financialYear(), line.contract().contractId(),
                        line.contract().providerCode(), line.contract().contractType(),
                        line.method() == null ? "not yet in scope" : line.method().name(),
                        line.method() == null ? "" : line.method().handbookSection(), line.stage() == null ? "" : line.stage(),
                        line.plannedValue(), line.linkedPopulationValue(), line.budgetHolderShare(), line.budgetNeed(), line.notYetInScope(), line.released(),
                        line.doubleFunding(), line.unfunded(), line.wonBack(), line.spentElsewhere(),
                        line.transitionalSupport(), line.providerNet(), line.shareReleased(), line.flagged() ? "Y" : "N"));
            }
        }
        try (CsvFile csv = CsvFile.create(scenario.resolve("provider_stability.csv"), List.of("scenario", "plan_year",
                "financial_year", "provider_code", "provider_name", "planned_value", "released", "won_back", "budget_income",
                "transitional_support", "net", "net_percent", "contracts_over_threshold", "net_loss_over_threshold"))) {
            for (ProviderYear provider : result.providers()) {
                csv.row(List.of(provider.scenario(), provider.year(), provider.financialYear(), provider.providerCode(),
                        provider.providerName(), provider.plannedValue(), provider.released(), provider.wonBack(), provider.budgetIncome(),
                        provider.transitionalSupport(), provider.net(), provider.netPercent(), provider.contractsFlagged(),
                        provider.flagged() ? "Y" : "N"));
            }
        }
        try (CsvFile csv = CsvFile.create(scenario.resolve("plan.csv"), List.of("order", "method", "handbook_section",
                "stage", "contracts", "contract_types", "from_year", "to_year", "parameters"))) {
            int order = 1;
            for (MethodRule rule : result.scenario().rules()) {
                csv.row(List.of(order++, rule.method().name(), rule.method().handbookSection(),
                        rule.stage() == null ? "" : rule.stage(), String.join(";", rule.contractIds().stream().sorted().toList()),
                        String.join(";", rule.contractTypes().stream().sorted().toList()), rule.fromYear(),
                        rule.toYear() == null ? "" : rule.toYear(), rule.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(entry -> entry.getKey() + "=" + entry.getValue().stripTrailingZeros().toPlainString())
                                .collect(Collectors.joining(";"))));
            }
        }
    }

    void writeComparison(List<ScenarioResult> results) {
        try (CsvFile csv = CsvFile.create(folder.resolve("comparison.csv"), List.of("scenario", "plan_year", "financial_year",
                "budget_holders", "planned_value", "linked_population_value", "budget_holders_spend", "budget_need", "not_yet_in_scope", "released", "double_funding",
                "unfunded", "won_back", "spent_elsewhere", "transitional_support", "provider_net", "largest_share_released_percent",
                "contracts_over_threshold", "providers_over_threshold"))) {
            for (ScenarioResult result : results) {
                for (YearTotals year : result.totals()) {
                    csv.row(List.of(year.scenario(), year.year(), year.financialYear(), year.budgetHolders(),
                            year.plannedValue(), year.linkedPopulationValue(), year.budgetHoldersSpend(), year.budgetNeed(), year.notYetInScope(), year.released(), year.doubleFunding(),
                            year.unfunded(), year.wonBack(), year.spentElsewhere(), year.transitionalSupport(), year.providerNet(),
                            year.largestShareReleased(), year.contractsFlagged(), year.providersFlagged()));
                }
            }
        }
    }

    void writePage(String html) {
        try {
            Files.writeString(folder.resolve("comparison.html"), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot write the comparison page in " + folder + ": "
                    + e.getMessage() + ". Check there is room on the disk.", e);
        }
    }

    /** A folder name for a scenario: lower case letters, digits and hyphens, unique among {@code taken}. */
    static String slug(String name, List<String> taken) {
        String base = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "scenario";
        }
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
