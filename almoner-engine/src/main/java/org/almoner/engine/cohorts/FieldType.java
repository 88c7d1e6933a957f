package org.almoner.engine.cohorts;

/** The kinds of person-level field a cohort rule can test, each with the values it accepts. */
public enum FieldType {
    /** Whole numbers and decimals: compared with =, !=, <, <=, >, >=. */
    NUMBER,
    /** Yes/no flags: compared with = yes or = no, or named alone to mean "is yes". */
    FLAG,
    /** Text and codes: compared with = or != to a quoted value, or with in ('a', 'b'). */
    TEXT;

    /** The type of a DuckDB column type name. */
    static FieldType ofDatabaseType(String databaseType) {
        String type = databaseType.toUpperCase(java.util.Locale.ROOT);
        if (type.equals("BOOLEAN")) {
            return FLAG;
        }
        if (type.matches("(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|FLOAT|REAL|DECIMAL.*)")) {
            return NUMBER;
        }
        return TEXT;
    }
}
