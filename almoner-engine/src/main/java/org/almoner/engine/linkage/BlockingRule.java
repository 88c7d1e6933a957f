package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A blocking rule: only pairs of records that agree exactly on every one of these keys are compared.
 * Several rules together compare the union of their pairs, so a pair missed by one (a typo in the
 * family name) can be caught by another (same date of birth and postcode).
 *
 * @param keys the blocking keys, each one of {@link #KEYS}
 */
public record BlockingRule(List<String> keys) {

    /** Keys a rule may use: the identity fields and parts of them. */
    public static final List<String> KEYS = List.of("given_name", "family_name", "date_of_birth", "birth_year",
            "sex", "postcode", "postcode_sector", "postcode_district", "given_name_initial", "family_name_initial");

    public BlockingRule {
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if (keys.isEmpty()) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION,
                    "A blocking rule has no keys. Give each rule one or more of: " + String.join(", ", KEYS) + ".");
        }
        for (String key : keys) {
            if (!KEYS.contains(key)) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The blocking rule " + keys
                        + " uses the unknown key '" + key + "'. Use one or more of: " + String.join(", ", KEYS) + ".");
            }
        }
    }

    /** Rules that suit people's identities: date of birth, names and postcode, each tolerating errors in the others. */
    public static List<BlockingRule> defaults() {
        return List.of(
                new BlockingRule(List.of("date_of_birth", "family_name_initial")),
                new BlockingRule(List.of("family_name", "given_name_initial", "birth_year")),
                new BlockingRule(List.of("postcode", "given_name_initial")));
    }

    /** The rule as written, for reports: {@code date_of_birth + family_name_initial}. */
    public String description() {
        return String.join(" + ", keys);
    }

    /** The join condition between records {@code l} and {@code r}. */
    String joinCondition() {
        return keys.stream().map(key -> "l." + key + " = r." + key).collect(Collectors.joining(" AND "));
    }
}
