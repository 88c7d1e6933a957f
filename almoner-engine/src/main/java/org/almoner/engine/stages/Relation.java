package org.almoner.engine.stages;

import static java.util.Objects.requireNonNull;

/**
 * One named relation a stage defines: a query over relations defined before it.
 *
 * @param name the name later queries use (a plain lower-case identifier)
 * @param query a SELECT (or WITH ... SELECT) both engines accept, with no trailing semicolon
 * @param materialised whether an engine should compute it once and keep it (it is read more than once,
 *     or is small and joined to much larger data); otherwise it may stay a view, worked out when read
 */
public record Relation(String name, String query, boolean materialised) {

    public Relation {
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a relation name must be a plain lower-case identifier: " + name);
        }
        if (query.strip().endsWith(";")) {
            throw new IllegalArgumentException("the query of " + name + " must not end with a semicolon");
        }
    }

    /** A relation computed once and kept. */
    public static Relation table(String name, String query) {
        return new Relation(name, query, true);
    }

    /** A relation worked out each time it is read. */
    public static Relation view(String name, String query) {
        return new Relation(name, query, false);
    }
}
