package org.almoner.engine.generator.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.almoner.engine.generator.IdentifierErrorRates;

/** Works out how each source system holds a person, with the errors real records have. */
final class IdentityDistorter {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final IdentifierErrorRates rates;
    private final long seed;

    IdentityDistorter(IdentifierErrorRates rates, long seed) {
        this.rates = rates;
        this.seed = seed;
    }

    /** The person as the source holds them; created once per person and source, then reused. */
    SourceIdentity identity(Person person, SourceSystem source, SplittableRandom random) {
        SourceIdentity existing = person.sourceIdentities[source.ordinal()];
        if (existing != null) {
            return existing;
        }
        SourceIdentity created = source.nhs() ? nhsIdentity(person, source) : localIdentity(person, source, random);
        person.sourceIdentities[source.ordinal()] = created;
        return created;
    }

    /** The NHS number an NHS source writes on one row: usually right, sometimes blank or mistyped. */
    String nhsNumberOnRow(SourceIdentity identity, SplittableRandom random) {
        String number = identity.nhsNumber();
        if (number == null) {
            return null;
        }
        double draw = random.nextDouble();
        if (draw < rates.nhsNumberBlank()) {
            return null;
        }
        if (draw < rates.nhsNumberBlank() + rates.nhsNumberMistyped()) {
            return mistype(number, random);
        }
        return number;
    }

    private SourceIdentity nhsIdentity(Person person, SourceSystem source) {
        // GP activity comes from the same system as people.csv; prescribing data holds no local id;
        // trusts have their own hospital numbers.
        String localId = switch (source) {
            case GP_ACTIVITY -> person.personId;
            case EPD -> null;
            default -> localId(person, source);
        };
        return new SourceIdentity(person.nhsNumber, localId, person.givenName, person.familyName,
                person.dateOfBirth, person.female ? "2" : "1", person.postcode);
    }

    private SourceIdentity localIdentity(Person person, SourceSystem source, SplittableRandom random) {
        double multiplier = source == SourceSystem.VCSE_RECORDS ? rates.voluntarySectorMultiplier() : 1.0;
        double nhsShare = switch (source) {
            case LA_SOCIAL_CARE -> 0.85;
            case VCSE_RECORDS -> 0.10;
            default -> 0.0;
        };
        String nhsNumber = person.nhsNumber != null && random.nextDouble() < nhsShare ? person.nhsNumber : null;
        String localId = localId(person, source);
        String given = person.givenName;
        if (random.nextDouble() < rates.nickname() * multiplier && Names.nickname(given) != null) {
            given = Names.nickname(given);
        }
        if (random.nextDouble() < rates.missingGivenName() * multiplier) {
            given = null;
        }
        String family = person.familyName;
        if (random.nextDouble() < rates.familyNameTypo() * multiplier) {
            family = typo(family, random);
        }
        int dateOfBirth = person.dateOfBirth;
        if (random.nextDouble() < rates.dayAndMonthSwapped() * multiplier) {
            dateOfBirth = swapDayAndMonth(dateOfBirth);
        }
        if (random.nextDouble() < rates.missingDateOfBirth() * multiplier) {
            dateOfBirth = SourceIdentity.MISSING_DATE;
        }
        String postcode = person.postcode;
        if (random.nextDouble() < rates.previousPostcode() * multiplier) {
            postcode = person.previousPostcode;
        }
        if (random.nextDouble() < rates.missingPostcode() * multiplier) {
            postcode = null;
        }
        return new SourceIdentity(nhsNumber, localId, given, family, dateOfBirth, person.female ? "2" : "1", postcode);
    }

    private String localId(Person person, SourceSystem source) {
        return Mixing.identifier(source.recordPrefix(), person.index ^ (seed * 31 + source.ordinal()) << 1);
    }

    static String mistype(String number, SplittableRandom random) {
        // Changing one of the first nine digits always breaks the modulus 11 check: each weight
        // (10 down to 2) times a non-zero change is non-zero modulo the prime 11.
        int position = 3 + random.nextInt(6);
        char old = number.charAt(position);
        char replacement = (char) ('0' + (old - '0' + 1 + random.nextInt(9)) % 10);
        return number.substring(0, position) + replacement + number.substring(position + 1);
    }

    static String typo(String name, SplittableRandom random) {
        int letters = name.length();
        int position = 1 + random.nextInt(Math.max(1, letters - 1));
        if (position >= letters) {
            return name + LETTERS.charAt(random.nextInt(LETTERS.length()));
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                char replacement = LETTERS.charAt(random.nextInt(LETTERS.length()));
                if (replacement == name.charAt(position)) {
                    replacement = replacement == 'e' ? 'a' : 'e';
                }
                return name.substring(0, position) + replacement + name.substring(position + 1);
            }
            case 1 -> {
                return name.substring(0, position) + name.substring(position + 1);
            }
            default -> {
                if (position + 1 < letters && name.charAt(position) != name.charAt(position + 1)) {
                    return name.substring(0, position) + name.charAt(position + 1) + name.charAt(position)
                            + name.substring(position + 2);
                }
                return name.substring(0, position) + name.substring(position + 1);
            }
        }
    }

    /** Day and month swapped (a US-style entry), or the date unchanged where the swap is not a date. */
    static int swapDayAndMonth(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
            return epochDay;
        }
        try {
            return (int) LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()).toEpochDay();
        } catch (DateTimeException notADate) {
            return epochDay;
        }
    }
}
