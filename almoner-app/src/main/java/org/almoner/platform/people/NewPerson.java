package org.almoner.platform.people;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.almoner.engine.identity.NhsNumber;
import org.almoner.platform.problems.PlatformException;

/** What a coordinator gives to record a person. Validated here, so a bad value names its field. */
public record NewPerson(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, String sex,
        String postcode, String analyticsPseudonym) {

    private static final Set<String> SEXES = Set.of("1", "2", "9", "0");

    public NewPerson {
        if (nhsNumber != null && !nhsNumber.isBlank()) {
            nhsNumber = NhsNumber.parse(nhsNumber)
                    .orElseThrow(() -> PlatformException.invalid("nhsNumber",
                            "This is not a valid NHS number: it needs ten digits whose last is the check digit. Check it against the person's records."))
                    .value();
        } else {
            nhsNumber = null;
        }
        requireText(givenName, "givenName", "Give the person's given name.");
        requireText(familyName, "familyName", "Give the person's family name.");
        if (dateOfBirth == null) {
            throw PlatformException.invalid("dateOfBirth", "Give the date of birth as YYYY-MM-DD.");
        }
        if (dateOfBirth.isBefore(LocalDate.of(1890, 1, 1))) {
            throw PlatformException.invalid("dateOfBirth", "A date of birth before 1890 is not plausible. Check the year.");
        }
        if (sex == null || !SEXES.contains(sex)) {
            throw PlatformException.invalid("sex", "Give sex as an NHS Data Dictionary person gender code: 1 male, 2 female, 9 not specified, 0 not known.");
        }
        postcode = postcode == null || postcode.isBlank() ? null : postcode.strip().toUpperCase();
        analyticsPseudonym = analyticsPseudonym == null || analyticsPseudonym.isBlank() ? null : analyticsPseudonym.strip();
    }

    Optional<String> nhsNumberIfKnown() {
        return Optional.ofNullable(nhsNumber);
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw PlatformException.invalid(field, message);
        }
        if (value.length() > 200) {
            throw PlatformException.invalid(field, "This is longer than 200 characters. Shorten it.");
        }
    }
}
