package org.almoner.engine.stages;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.almoner.engine.identity.NhsNumber;

/**
 * Values each dialect's SQL must agree with Java about: candidate NHS numbers (valid, one digit off, malformed) and
 * pairs of dates for whole years of age.
 */
final class DialectCases {

    /** The sorted distinct values of group 1 of listsDistinctValuesSorted: NULL left out, capitals first (by code point). */
    static final String SORTED_DISTINCT_FIRST = "B; a; b";

    private DialectCases() {
    }

    /** Text that may or may not be an NHS number, with some of every kind of wrong. */
    static List<String> nhsNumberCandidates() {
        List<String> candidates = new ArrayList<>(List.of("9990000018", "9990000026", "9990000019", "999000001",
                "99900000181", "999000001X", "abcdefghij", "0000000000", "4010232137", "4010232138"));
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            candidates.add(NhsNumber.randomTestNumber(random).toString());
            candidates.add(String.format("%010d", random.nextLong(10_000_000_000L)));
        }
        return List.copyOf(candidates);
    }

    /** Java's answer: {@link NhsNumber#isValid}. */
    static boolean nhsNumberValid(String candidate) {
        return NhsNumber.isValid(candidate);
    }

    /** Pairs of (on, born), including leap days and birthdays on the day. */
    static List<LocalDate[]> datePairs() {
        List<LocalDate[]> pairs = new ArrayList<>();
        pairs.add(new LocalDate[] {LocalDate.of(2025, 2, 28), LocalDate.of(2000, 2, 29)});
        pairs.add(new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2000, 2, 29)});
        pairs.add(new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(2000, 2, 29)});
        pairs.add(new LocalDate[] {LocalDate.of(2025, 4, 1), LocalDate.of(1940, 4, 1)});
        pairs.add(new LocalDate[] {LocalDate.of(2025, 4, 1), LocalDate.of(1940, 4, 2)});
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            LocalDate born = LocalDate.of(1920, 1, 1).plusDays(random.nextInt(36_000));
            pairs.add(new LocalDate[] {born.plusDays(random.nextInt(40_000)), born});
        }
        return List.copyOf(pairs);
    }

    /** The patterns of the data quality checks, and text that nearly matches them (a final newline, a letter too many). */
    static final List<String> PATTERNS = List.of("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", "[A-Z0-9]{3,6}",
            "[A-Z][0-9]{2}[0-9A-Z]{0,4}", "[0-9]{6,18}");

    /** Text to match against each of {@link #PATTERNS}. */
    static final List<String> TEXTS = List.of("NF1 2AB", "NF12AB", "SW1A 1AA", "NF1 2AB\n", " NF1 2AB", "nf1 2ab", "A86003",
            "A860031", "AB", "E11", "E119", "E11.9", "I2510XXX", "22298006", "12345", "1234567890123456789", "", "Z99ZZ 9ZZ");

    /** Java's answer: the whole text matches the pattern. */
    static boolean matchesWhole(String text, String pattern) {
        return java.util.regex.Pattern.compile(pattern).matcher(text).matches();
    }

    /** Pairs of (dividend, divisor): money and units of every sign and size, exact halves and repeating quotients. */
    static List<java.math.BigDecimal[]> quotientPairs() {
        List<java.math.BigDecimal[]> pairs = new ArrayList<>();
        String[][] fixed = {{"0.125", "1"}, {"1.005", "1"}, {"-1.005", "1"}, {"2.5", "2"}, {"10", "3"}, {"-10", "3"}, {"20", "-3"},
            {"0.01", "2"}, {"0.03", "2"}, {"-0.03", "2"}, {"1234567890.12", "0.07"}, {"99999999999.99", "7"}, {"0", "5"},
            {"1", "0.0001"}, {"123.4567", "100"}, {"33.335", "1"}, {"0.00004999", "0.01"}};
        for (String[] pair : fixed) {
            pairs.add(new java.math.BigDecimal[] {new java.math.BigDecimal(pair[0]), new java.math.BigDecimal(pair[1])});
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 300; i++) {
            java.math.BigDecimal dividend = java.math.BigDecimal.valueOf(random.nextLong(-100_000_000_00L, 100_000_000_00L), 2 + random.nextInt(3));
            java.math.BigDecimal divisor = java.math.BigDecimal.valueOf(random.nextLong(1, 1_000_000L) * (random.nextBoolean() ? 1 : -1),
                    random.nextInt(4));
            pairs.add(new java.math.BigDecimal[] {dividend, divisor});
        }
        return List.copyOf(pairs);
    }

    /** Java's answer: the quotient rounded half up (away from zero) to {@code scale} places. */
    static java.math.BigDecimal quotient(java.math.BigDecimal dividend, java.math.BigDecimal divisor, int scale) {
        return dividend.divide(divisor, scale, java.math.RoundingMode.HALF_UP);
    }

    /** Java's answer: whole years from born to on. */
    static int wholeYears(LocalDate on, LocalDate born) {
        return Period.between(born, on).getYears();
    }
}
