package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

/**
 * What the local configuration says about one service.
 *
 * @param setting          the setting code (for example community)
 * @param service          the service code, or {@code *} for every service of the setting not listed on its own
 * @param purpose          what the service is for, in plain English
 * @param funder           who pays for it
 * @param includeInBudget  whether it can be in a personal budget now
 * @param whenIncluded     when it could be included (or why not)
 * @param needMet          the need it meets, for the double-funding check; empty when not checked
 */
public record ServiceRule(String setting, String service, String purpose, Funder funder, boolean includeInBudget,
        String whenIncluded, String needMet) {

    public ServiceRule {
        requireNonNull(setting, "setting is null");
        requireNonNull(service, "service is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(funder, "funder is null");
        requireNonNull(whenIncluded, "whenIncluded is null");
        requireNonNull(needMet, "needMet is null");
    }
}
