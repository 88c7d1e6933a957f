package org.almoner.engine.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.junit.jupiter.api.Test;

class ComparisonLevelsTest {

    private static final String BASE = "'Robert', 'Smith', DATE '1950-03-12', '1', 'NF3 4ZP'";

    /** Links one left record with one right record (blocked together on sex) and returns the right's level of the field. */
    private static int level(LinkField field, String right) throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            Sql.execute(connection, "CREATE TABLE l AS SELECT 'L1' AS record_id, * FROM (VALUES (" + BASE
                    + ")) t(given_name, family_name, date_of_birth, sex, postcode)");
            Sql.execute(connection, "CREATE TABLE r AS SELECT 'R1' AS record_id, * FROM (VALUES (" + right
                    + ")) t(given_name, family_name, date_of_birth, sex, postcode)");
            LinkSettings settings = new LinkSettings(List.of(new BlockingRule(List.of("sex"))), 6.6, 0, null, 100, 10, 1);
            FellegiSunterLinker linker = new FellegiSunterLinker(connection, settings, line -> { });
            linker.run(linker.prepare("l", "r"), false);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + field.column() + "_level FROM fs_pairs")) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void givenNameLevels() throws Exception {
        assertThat(level(LinkField.GIVEN_NAME, BASE)).isZero();
        assertThat(level(LinkField.GIVEN_NAME, "'bob', 'Smith', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(1);
        assertThat(level(LinkField.GIVEN_NAME, "'Roberta', 'Smith', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(2);
        assertThat(level(LinkField.GIVEN_NAME, "'Bobert', 'Smith', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(3);
        assertThat(level(LinkField.GIVEN_NAME, "'Ann', 'Smith', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(4);
        assertThat(level(LinkField.GIVEN_NAME, "NULL, 'Smith', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(-1);
    }

    @Test
    void familyNameLevels() throws Exception {
        assertThat(level(LinkField.FAMILY_NAME, "'Robert', ' smith ', DATE '1950-03-12', '1', 'NF3 4ZP'")).isZero();
        assertThat(level(LinkField.FAMILY_NAME, "'Robert', 'Smtih', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(1);
        assertThat(level(LinkField.FAMILY_NAME, "'Robert', 'Smithers', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(2);
        assertThat(level(LinkField.FAMILY_NAME, "'Robert', 'Jones', DATE '1950-03-12', '1', 'NF3 4ZP'")).isEqualTo(3);
    }

    @Test
    void dateOfBirthLevels() throws Exception {
        assertThat(level(LinkField.DATE_OF_BIRTH, BASE)).isZero();
        assertThat(level(LinkField.DATE_OF_BIRTH, "'Robert', 'Smith', DATE '1950-12-03', '1', 'NF3 4ZP'")).isEqualTo(1);
        assertThat(level(LinkField.DATE_OF_BIRTH, "'Robert', 'Smith', DATE '1950-03-13', '1', 'NF3 4ZP'")).isEqualTo(2);
        assertThat(level(LinkField.DATE_OF_BIRTH, "'Robert', 'Smith', DATE '1951-03-12', '1', 'NF3 4ZP'")).isEqualTo(2);
        assertThat(level(LinkField.DATE_OF_BIRTH, "'Robert', 'Smith', DATE '1950-07-30', '1', 'NF3 4ZP'")).isEqualTo(3);
        assertThat(level(LinkField.DATE_OF_BIRTH, "'Robert', 'Smith', DATE '1972-07-30', '1', 'NF3 4ZP'")).isEqualTo(4);
    }

    @Test
    void postcodeLevels() throws Exception {
        assertThat(level(LinkField.POSTCODE, "'Robert', 'Smith', DATE '1950-03-12', '1', 'nf34zp'")).isZero();
        assertThat(level(LinkField.POSTCODE, "'Robert', 'Smith', DATE '1950-03-12', '1', 'NF3 4AB'")).isEqualTo(1);
        assertThat(level(LinkField.POSTCODE, "'Robert', 'Smith', DATE '1950-03-12', '1', 'NF3 9AB'")).isEqualTo(2);
        assertThat(level(LinkField.POSTCODE, "'Robert', 'Smith', DATE '1950-03-12', '1', 'SW1A 1AA'")).isEqualTo(3);
    }

    @Test
    void sexLevelsAndABlankSayNothing() throws Exception {
        assertThat(level(LinkField.SEX, BASE)).isZero();
        assertThat(level(LinkField.POSTCODE, "'Robert', 'Smith', DATE '1950-03-12', '1', ''")).isEqualTo(-1);
    }
}
