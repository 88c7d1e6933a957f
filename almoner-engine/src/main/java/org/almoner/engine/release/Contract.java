package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A contract of the reference data in the base year.
 *
 * @param contractId as in contracts.csv
 * @param commissioner who holds it
 * @param providerCode the provider
 * @param providerName the provider's name from providers.csv
 * @param contractType BLOCK, COST_PER_CASE, TARIFF or GRANT
 * @param annualValue the base year value
 * @param services settings or service codes it covers
 */
public record Contract(String contractId, String commissioner, String providerCode, String providerName, String contractType,
        BigDecimal annualValue, List<String> services) {

    public Contract {
        requireNonNull(contractId, "contractId is null");
        requireNonNull(commissioner, "commissioner is null");
        requireNonNull(providerCode, "providerCode is null");
        requireNonNull(providerName, "providerName is null");
        requireNonNull(contractType, "contractType is null");
        requireNonNull(annualValue, "annualValue is null");
        services = List.copyOf(requireNonNull(services, "services is null"));
    }
}
