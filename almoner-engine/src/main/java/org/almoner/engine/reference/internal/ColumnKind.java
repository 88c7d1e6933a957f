package org.almoner.engine.reference.internal;

/**
 * What a reference data column holds, which fixes its DuckDB type and how a value is checked.
 */
public enum ColumnKind {
    /** Free text or a code. */
    TEXT("VARCHAR", "text"),
    /** A financial year written {@code 2024/25}. */
    FINANCIAL_YEAR("VARCHAR", "a financial year like 2024/25"),
    /** Pounds and pence, never negative. */
    MONEY("DECIMAL(18,2)", "an amount in pounds like 6123.00"),
    /** A market forces factor, a multiplier close to 1. */
    FACTOR("DECIMAL(6,4)", "a factor like 1.0450"),
    /** A share of a whole between 0 and 1. */
    SHARE("DECIMAL(9,6)", "a share between 0 and 1 like 0.250000"),
    /** An ISO date. */
    DATE("DATE", "a date like 2024-04-01"),
    /** Y or N. */
    FLAG("BOOLEAN", "Y or N");

    private final String sqlType;
    private final String expected;

    ColumnKind(String sqlType, String expected) {
        this.sqlType = sqlType;
        this.expected = expected;
    }

    /** The DuckDB type of the loaded column. */
    public String sqlType() {
        return sqlType;
    }

    /** How a correct value looks, for error messages. */
    public String expected() {
        return expected;
    }
}
