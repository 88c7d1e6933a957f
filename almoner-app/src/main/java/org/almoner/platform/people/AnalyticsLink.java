package org.almoner.platform.people;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.pseudonymisation.Pseudonymiser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links a person the platform records to their pseudonymised record in the linked data set, by
 * pseudonymising their NHS number with the key of the data-sharing agreement
 * ({@code almoner.analytics.key-file}). Without a key nobody is linked automatically.
 */
@Component
class AnalyticsLink {

    private final Optional<Pseudonymiser> pseudonymiser;

    AnalyticsLink(@Value("${almoner.analytics.key-file:}") String keyFile) {
        this.pseudonymiser = keyFile.isBlank() || !Files.isReadable(Path.of(keyFile))
                ? Optional.empty()
                : Optional.of(new Pseudonymiser(PseudonymisationKey.fromFile(Path.of(keyFile))));
    }

    /** The pseudonym the linked data set uses for this NHS number, when a key is configured. */
    Optional<String> pseudonymFor(String nhsNumber) {
        return nhsNumber == null ? Optional.empty() : pseudonymiser.map(key -> key.spinePseudonym(nhsNumber, null));
    }
}
