package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.almoner.engine.duckdb.DuckDb;

/**
 * One cohort rule, read from the plain language of a definition file and turned into a SQL condition.
 *
 * <p>The language: comparisons {@code field op value} with op one of {@code = != < <= > >=}; {@code field in
 * ('a', 'b')}; {@code field contains 'text'} for lists such as {@code ltc_list}; a yes/no field named alone ({@code section_117}) meaning it is yes; combined with {@code and},
 * {@code or}, {@code not} and brackets. Values are numbers, {@code yes}/{@code no}, or text in quotes. Every field
 * must be a column of the stratification table and every value must suit the field, so the SQL built holds only
 * checked column names and quoted literals.
 *
 * @param text   the rule as written
 * @param sql    the SQL condition it means
 * @param fields the fields the rule tests, in the order first named
 */
public record CohortRule(String text, String sql, List<String> fields) {

    public CohortRule {
        requireNonNull(text, "text is null");
        requireNonNull(sql, "sql is null");
        fields = List.copyOf(fields);
    }

    /**
     * Reads a rule. {@code fields} maps each usable field name to its type.
     *
     * @throws RuleProblem naming what is wrong and what would be right
     */
    public static CohortRule parse(String text, Map<String, FieldType> fields) {
        requireNonNull(text, "text is null");
        requireNonNull(fields, "fields is null");
        Parser parser = new Parser(tokens(text), fields);
        String sql = parser.expression();
        if (!parser.atEnd()) {
            throw new RuleProblem("unexpected '" + parser.peek() + "' after a complete rule; join conditions with 'and' or 'or'");
        }
        return new CohortRule(text, sql, List.copyOf(parser.used));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new RuleProblem("a quoted value starting at character " + (i + 1) + " has no closing " + c);
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if ("<>=!".indexOf(c) >= 0) {
                int end = i + 1;
                while (end < text.length() && "<>=!".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "()<>=!,'\"".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        if (tokens.isEmpty()) {
            throw new RuleProblem("the rule is empty; write a condition such as ltc_count >= 4");
        }
        return tokens;
    }

    private static final class Parser {
        private final List<String> tokens;
        private final Map<String, FieldType> fields;
        private final java.util.LinkedHashSet<String> used = new java.util.LinkedHashSet<>();
        private int position;

        Parser(List<String> tokens, Map<String, FieldType> fields) {
            this.tokens = tokens;
            this.fields = fields;
        }

        boolean atEnd() {
            return position >= tokens.size();
        }

        String peek() {
            return atEnd() ? "" : tokens.get(position);
        }

        private boolean acceptWord(String word) {
            if (!atEnd() && peek().equalsIgnoreCase(word)) {
                position++;
                return true;
            }
            return false;
        }

        private String next(String expected) {
            if (atEnd()) {
                throw new RuleProblem("the rule ends where " + expected + " was expected");
            }
            return tokens.get(position++);
        }

        String expression() {
            StringBuilder sql = new StringBuilder(conjunction());
            while (acceptWord("or")) {
                sql.append(" OR ").append(conjunction());
            }
            return "(" + sql + ")";
        }

        private String conjunction() {
            StringBuilder sql = new StringBuilder(negation());
            while (acceptWord("and")) {
                sql.append(" AND ").append(negation());
            }
            return sql.toString();
        }

        private String negation() {
            if (acceptWord("not")) {
                return "NOT " + negation();
            }
            if (peek().equals("(")) {
                position++;
                String inner = expression();
                if (!next("a closing bracket").equals(")")) {
                    throw new RuleProblem("a bracket is opened but not closed");
                }
                return inner;
            }
            return comparison();
        }

        private String comparison() {
            String name = next("a field name");
            String field = name.toLowerCase(Locale.ROOT);
            FieldType type = fields.get(field);
            if (type == null) {
                throw new RuleProblem("unknown field '" + name + "'. Fields you can use: " + String.join(", ", new TreeSet<>(fields.keySet())));
            }
            used.add(field);
            String column = DuckDb.identifier(field);
            String operator = atEnd() ? "" : peek();
            if (operator.isEmpty() || operator.equals(")") || operator.equalsIgnoreCase("and") || operator.equalsIgnoreCase("or")) {
                if (type != FieldType.FLAG) {
                    throw new RuleProblem("field '" + field + "' is not a yes/no field, so it needs a comparison such as "
                            + field + (type == FieldType.NUMBER ? " >= 2" : " = 'value'"));
                }
                return "coalesce(" + column + ", false)";
            }
            position++;
            if (operator.equalsIgnoreCase("in")) {
                return column + " IN (" + list(field, type) + ")";
            }
            if (operator.equalsIgnoreCase("contains")) {
                if (type != FieldType.TEXT) {
                    throw new RuleProblem("'contains' works on text fields such as ltc_list; '" + field + "' is not text");
                }
                return "contains(coalesce(" + column + ", ''), " + value(field, type, next("a quoted value after contains")) + ")";
            }
            if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(operator)) {
                throw new RuleProblem("'" + operator + "' after field '" + field + "' is not a comparison; use = != < <= > >=, in or contains");
            }
            String value = value(field, type, next("a value after " + field + " " + operator));
            if (type != FieldType.NUMBER && !operator.equals("=") && !operator.equals("!=")) {
                throw new RuleProblem("field '" + field + "' can only be compared with = or !=");
            }
            return type == FieldType.FLAG
                    ? "coalesce(" + column + ", false) " + operator + " " + value
                    : column + " " + (operator.equals("!=") ? "<>" : operator) + " " + value;
        }

        private String list(String field, FieldType type) {
            if (!next("an opening bracket after in").equals("(")) {
                throw new RuleProblem("write the values after 'in' in brackets, for example " + field + " in ('A', 'B')");
            }
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(value(field, type, next("a value in the list")));
                String separator = next("a comma or closing bracket");
                if (separator.equals(")")) {
                    return String.join(", ", values);
                }
                if (!separator.equals(",")) {
                    throw new RuleProblem("separate the values in the list with commas");
                }
            }
        }

        private static String value(String field, FieldType type, String token) {
            switch (type) {
                case NUMBER -> {
                    try {
                        return new BigDecimal(token).toPlainString();
                    } catch (NumberFormatException e) {
                        throw new RuleProblem("field '" + field + "' holds numbers, but the rule compares it with '" + token + "'");
                    }
                }
                case FLAG -> {
                    String word = token.toLowerCase(Locale.ROOT);
                    if (word.equals("yes") || word.equals("true")) {
                        return "true";
                    }
                    if (word.equals("no") || word.equals("false")) {
                        return "false";
                    }
                    throw new RuleProblem("field '" + field + "' is yes or no, but the rule compares it with '" + token + "'");
                }
                default -> {
                    if (token.length() >= 2 && (token.startsWith("'") || token.startsWith("\""))) {
                        return DuckDb.literal(token.substring(1, token.length() - 1));
                    }
                    throw new RuleProblem("field '" + field + "' holds text, so put the value in quotes: '" + token + "'");
                }
            }
        }
    }
}
