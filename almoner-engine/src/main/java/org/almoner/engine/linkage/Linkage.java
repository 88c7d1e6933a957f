package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.stages.Relation;

/**
 * The linkage stage. It joins every activity row to the spine on the NHS number, lets supplementary
 * linkers link what is left, and writes {@code activity_linked}: the activity with pseudonyms in
 * place of identifiers. Names, NHS numbers, dates of birth and postcodes go no further than this
 * stage, except into {@code linkage_keys} and {@code linkage_spine}, which hold the identifiers of the
 * people a supplementary linker must still find and are written out separately, if at all.
 */
public final class Linkage {

    private final Connection connection;
    private final List<SupplementaryLinker> supplementaryLinkers;
    private final boolean linkageKeysWanted;

    /**
     * @param linkageKeysWanted whether {@code linkage_keys} and {@code linkage_spine} are to be
     *     written out; they are built only when wanted or when a supplementary linker needs them, as
     *     gathering the identities of every unlinked record is costly at national scale
     */
    public Linkage(Connection connection, List<SupplementaryLinker> supplementaryLinkers, boolean linkageKeysWanted) {
        this.connection = requireNonNull(connection, "connection is null");
        this.supplementaryLinkers = List.copyOf(requireNonNull(supplementaryLinkers, "supplementaryLinkers is null"));
        this.linkageKeysWanted = linkageKeysWanted;
    }

    /**
     * Links activity: builds the linkage-key tables, runs the supplementary linkers and defines the
     * view {@code activity_linked}. Needs the ingest and pseudonymisation tables. The view is read
     * once, when the outputs are written; {@link #summarise} then counts the links in what was written.
     */
    public void run(DoubleConsumer percentDone) {
        if (linkageKeysWanted || !supplementaryLinkers.isEmpty()) {
            Sql.execute(connection, Sql.resource(Linkage.class, "linkage-keys.sql"), percent -> percentDone.accept(percent * 0.2));
        }
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE supplementary_links (
                    source_system VARCHAR NOT NULL,
                    source_person_pseudonym VARCHAR NOT NULL,
                    person_pseudonym VARCHAR NOT NULL,
                    link_method VARCHAR NOT NULL,
                    match_weight DOUBLE)
                """);
        for (SupplementaryLinker linker : supplementaryLinkers) {
            linker.link(connection);
        }
        long duplicated = Sql.queryLong(connection, """
                SELECT count(*) FROM (SELECT source_system, source_person_pseudonym FROM supplementary_links
                GROUP BY ALL HAVING count(*) > 1)""");
        if (duplicated > 0) {
            throw new EngineException(EngineErrorCode.INTERNAL, "A supplementary linker linked " + duplicated
                    + " source people to more than one person; links must be resolved to one person each.");
        }
        Sql.define(connection, activityLinked(), percent -> percentDone.accept(20 + percent * 0.8));
    }

    /**
     * The view {@code activity_linked}, shared by every engine: it reads {@code activity_in},
     * {@code spine_keys}, {@code local_pseudonyms} and {@code supplementary_links}.
     */
    public static Relation activityLinked() {
        return Relation.view("activity_linked", Sql.resource(Linkage.class, "activity-linked.sql").strip());
    }

    /** {@code supplementary_links} with no links, for an engine that runs no supplementary linker. */
    public static Relation noSupplementaryLinks() {
        return Relation.view("supplementary_links", "SELECT CAST(NULL AS STRING) AS source_system,"
                + " CAST(NULL AS STRING) AS source_person_pseudonym, CAST(NULL AS STRING) AS person_pseudonym,"
                + " CAST(NULL AS STRING) AS link_method, CAST(NULL AS DOUBLE) AS match_weight WHERE 1 = 0");
    }

    /** Rows linked per source system in {@code linkedTable} (the view, or the activity written from it). */
    public LinkageResult summarise(String linkedTable) {
        List<LinkageResult.SourceLinkage> bySource = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT source_system, count(*),
                               count(*) FILTER (WHERE link_method = 'NHS_NUMBER'),
                               count(*) FILTER (WHERE link_method NOT IN ('NHS_NUMBER', 'UNLINKED')),
                               count(*) FILTER (WHERE link_method = 'UNLINKED')
                        FROM %s GROUP BY source_system ORDER BY source_system""".formatted(linkedTable))) {
            while (rows.next()) {
                bySource.add(new LinkageResult.SourceLinkage(rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5)));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not summarise linkage: " + e.getMessage(), e);
        }
        return new LinkageResult(bySource);
    }
}
