package org.almoner.engine.identity;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A valid NHS number: ten digits whose last is the modulus 11 check digit of the first nine
 * (NHS Data Dictionary, "NHS Number"). Weights 10 down to 2 are applied to the first nine digits;
 * the check digit is 11 minus the remainder of the sum divided by 11, where 11 becomes 0 and 10
 * means the number is invalid.
 *
 * <p>Synthetic data uses only the 999 range, which NHS England keeps for testing and never issues
 * to a person.
 */
public record NhsNumber(String value) {

    public NhsNumber {
        requireNonNull(value, "value is null");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid NHS number: it needs ten digits"
                    + " whose last is the modulus 11 check digit of the first nine");
        }
    }

    /** Parses a number as sources write it, tolerating spaces or hyphens between the 3-3-4 groups. */
    public static Optional<NhsNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replace(" ", "").replace("-", "");
        return isValid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    /** True when {@code digits} is exactly ten ASCII digits with a correct check digit. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int check = checkDigit(digits.substring(0, 9));
        return check >= 0 && check == digits.charAt(9) - '0';
    }

    /**
     * The check digit for nine leading digits, or -1 when no check digit exists (remainder gives 10),
     * in which case no valid NHS number starts with those nine digits.
     */
    public static int checkDigit(String firstNine) {
        requireNonNull(firstNine, "firstNine is null");
        if (firstNine.length() != 9) {
            throw new IllegalArgumentException("need nine digits, got " + firstNine.length());
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /** A random valid NHS number from the 999 test range. */
    public static NhsNumber randomTestNumber(RandomGenerator random) {
        requireNonNull(random, "random is null");
        while (true) {
            String firstNine = "999" + String.format("%06d", random.nextInt(1_000_000));
            int check = checkDigit(firstNine);
            if (check >= 0) {
                return new NhsNumber(firstNine + check);
            }
        }
    }

    /** How many valid NHS numbers the 999 test range holds (stems whose check digit exists). */
    public static final int TEST_RANGE_CAPACITY = countTestRange();

    /**
     * The test-range number with the given six-digit stem (999 SSSSSS C), or empty when that stem has
     * no check digit. Stems run from 0 to 999 999, so a generator can walk them to hand out distinct
     * numbers; {@link #TEST_RANGE_CAPACITY} of them are usable.
     */
    public static Optional<NhsNumber> testRangeNumber(int stem) {
        if (stem < 0 || stem >= 1_000_000) {
            throw new IllegalArgumentException("stem must be from 0 to 999999, got " + stem);
        }
        String firstNine = "999" + String.format("%06d", stem);
        int check = checkDigit(firstNine);
        return check < 0 ? Optional.empty() : Optional.of(new NhsNumber(firstNine + check));
    }

    private static int countTestRange() {
        int count = 0;
        for (int stem = 0; stem < 1_000_000; stem++) {
            if (checkDigit("999" + String.format("%06d", stem)) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** The number in the 3-3-4 grouping people read it in. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}
