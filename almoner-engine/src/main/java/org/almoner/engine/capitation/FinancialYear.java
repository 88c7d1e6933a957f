package org.almoner.engine.capitation;

/**
 * An NHS financial year, 1 April to 31 March, written as {@code 2024/25}.
 *
 * @param startYear the calendar year the financial year starts in
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public FinancialYear {
        if (startYear < 1948 || startYear > 2200) {
            throw new IllegalArgumentException("startYear out of range: " + startYear);
        }
    }

    /** Reads {@code 2024/25}; null when the text is not a financial year of that form. */
    public static FinancialYear parseOrNull(String text) {
        if (text == null || !text.strip().matches("\\d{4}/\\d{2}")) {
            return null;
        }
        int start = Integer.parseInt(text.strip().substring(0, 4));
        int end = Integer.parseInt(text.strip().substring(5));
        if ((start + 1) % 100 != end || start < 1948 || start > 2200) {
            return null;
        }
        return new FinancialYear(start);
    }

    /** The year {@code years} after this one (negative for before). */
    public FinancialYear plus(int years) {
        return new FinancialYear(startYear + years);
    }

    /** Whole years from this one to {@code later}. */
    public int yearsUntil(FinancialYear later) {
        return later.startYear - startYear;
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
