package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

/**
 * A person the platform supports.
 *
 * @param responsibleOrganisation the commissioning organisation responsible for their budget
 * @param analyticsPseudonym their pseudonym in the engine's linked data set, when linked
 */
public record Person(UUID id, Optional<String> nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
        String sex, Optional<String> postcode, String responsibleOrganisation, Optional<String> analyticsPseudonym) {

    public Person {
        requireNonNull(id, "id is null");
        requireNonNull(nhsNumber, "nhsNumber is null");
        requireNonNull(givenName, "givenName is null");
        requireNonNull(familyName, "familyName is null");
        requireNonNull(dateOfBirth, "dateOfBirth is null");
        requireNonNull(sex, "sex is null");
        requireNonNull(postcode, "postcode is null");
        requireNonNull(responsibleOrganisation, "responsibleOrganisation is null");
        requireNonNull(analyticsPseudonym, "analyticsPseudonym is null");
    }

    /** Adult or child on a date, as national reporting counts them (a child is under 18). */
    public AgeGroup ageGroupOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears() >= 18 ? AgeGroup.ADULT : AgeGroup.CHILD;
    }

    public String name() {
        return givenName + " " + familyName;
    }
}
