package org.almoner.engine.stages;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stage written as a SQL file both engines run: {@code CREATE OR REPLACE [TEMP] TABLE name AS query} steps, each
 * ended by a line holding only a semicolon, read as {@link Relation}s. The file marks the few dialect differences as
 * {@code ${sorted_distinct(item)}} (the distinct values as sorted text, joined by '; ') and
 * {@code ${quotient(dividend | divisor | scale)}} (an exact decimal quotient rounded half up), which the dialect spells.
 */
public final class StageScript {

    private static final Pattern SORTED_DISTINCT = Pattern.compile("(?s)\\$\\{sorted_distinct\\((.*?)\\)\\}");
    private static final Pattern QUOTIENT = Pattern.compile("\\$\\{quotient\\((.*?) \\| (.*?) \\| (\\d+)\\)\\}");
    private static final Pattern CREATE = Pattern.compile("(?s)CREATE OR REPLACE (?:TEMP )?TABLE ([a-z_][a-z0-9_]*) AS(.*)");

    private StageScript() {
    }

    /** The script's steps as tables, in order, with the dialect's spellings filled in. */
    public static List<Relation> relations(String script, SqlDialect dialect, String source) {
        requireNonNull(script, "script is null");
        requireNonNull(dialect, "dialect is null");
        String spelt = SORTED_DISTINCT.matcher(script).replaceAll(match -> Matcher.quoteReplacement(
                dialect.sortedDistinctList(match.group(1), "'; '")));
        spelt = QUOTIENT.matcher(spelt).replaceAll(match -> Matcher.quoteReplacement(
                dialect.decimalQuotient(match.group(1), match.group(2), Integer.parseInt(match.group(3)))));
        List<Relation> relations = new ArrayList<>();
        for (String statement : spelt.split("(?m)^;\\s*$")) {
            String body = statement.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
            if (body.isEmpty()) {
                continue;
            }
            Matcher create = CREATE.matcher(body);
            if (!create.matches()) {
                throw new IllegalStateException(source + " has a step that is not a table: " + body.lines().findFirst().orElse(""));
            }
            relations.add(Relation.table(create.group(1), create.group(2).strip()));
        }
        return List.copyOf(relations);
    }
}
