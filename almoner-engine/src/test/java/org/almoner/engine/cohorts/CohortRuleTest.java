package org.almoner.engine.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohortRuleTest {

    private static final Map<String, FieldType> FIELDS = fields();

    @Test
    void readsComparisonsJoinedWithAndOrNotAndBrackets() {
        CohortRule rule = CohortRule.parse("ltc_count >= 4 and (age_at_year_start >= 75 or not section_117)", FIELDS);

        assertThat(rule.sql()).isEqualTo("(\"ltc_count\" >= 4 AND (\"age_at_year_start\" >= 75 OR NOT coalesce(\"section_117\", false)))");
        assertThat(rule.fields()).containsExactly("ltc_count", "age_at_year_start", "section_117");
    }

    @Test
    void quotesTextValuesSoARuleCannotInjectSql() {
        CohortRule rule = CohortRule.parse("ethnicity in ('A', \"x'); DROP TABLE people; --\")", FIELDS);

        assertThat(rule.sql()).isEqualTo("(\"ethnicity\" IN ('A', 'x''); DROP TABLE people; --'))");
    }

    @Test
    void rejectsAnUnknownFieldListingTheFieldsThatExist() {
        assertThatThrownBy(() -> CohortRule.parse("ltc_cnt >= 4", FIELDS))
                .isInstanceOf(RuleProblem.class)
                .hasMessageContaining("unknown field 'ltc_cnt'")
                .hasMessageContaining("ltc_count");
    }

    @Test
    void rejectsAValueThatDoesNotSuitTheField() {
        assertThatThrownBy(() -> CohortRule.parse("ltc_count >= many", FIELDS)).hasMessageContaining("holds numbers");
        assertThatThrownBy(() -> CohortRule.parse("section_117 = maybe", FIELDS)).hasMessageContaining("yes or no");
        assertThatThrownBy(() -> CohortRule.parse("ethnicity = A", FIELDS)).hasMessageContaining("put the value in quotes");
        assertThatThrownBy(() -> CohortRule.parse("ltc_count", FIELDS)).hasMessageContaining("not a yes/no field");
    }

    @Test
    void rejectsBrokenSyntax() {
        assertThatThrownBy(() -> CohortRule.parse("(ltc_count >= 4", FIELDS)).hasMessageContaining("closing bracket");
        assertThatThrownBy(() -> CohortRule.parse("ltc_count >= 4 age_at_year_start > 3", FIELDS)).hasMessageContaining("join conditions");
        assertThatThrownBy(() -> CohortRule.parse("ltc_count => 4", FIELDS)).hasMessageContaining("not a comparison");
        assertThatThrownBy(() -> CohortRule.parse("  ", FIELDS)).hasMessageContaining("empty");
    }

    private static Map<String, FieldType> fields() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        fields.put("ltc_count", FieldType.NUMBER);
        fields.put("age_at_year_start", FieldType.NUMBER);
        fields.put("section_117", FieldType.FLAG);
        fields.put("ethnicity", FieldType.TEXT);
        return fields;
    }
}
