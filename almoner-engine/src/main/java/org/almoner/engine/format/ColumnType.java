package org.almoner.engine.format;

/** How a column's text is read. Every column arrives as text; the type says what text is valid. */
public enum ColumnType {
    /** Free text. */
    TEXT,
    /** A code from a fixed list (the column's description names the list). */
    CODE,
    /** Ten digits with a modulus 11 check digit; spaces between the 3-3-4 groups are tolerated. */
    NHS_NUMBER,
    /** An ISO 8601 calendar date, {@code YYYY-MM-DD}. */
    DATE,
    /** A whole number. */
    INTEGER,
    /** A decimal number with a point, no thousands separators. */
    DECIMAL,
    /** Money in pounds with up to two decimal places, no currency sign. */
    MONEY,
    /** {@code Y} or {@code N}. */
    FLAG
}
