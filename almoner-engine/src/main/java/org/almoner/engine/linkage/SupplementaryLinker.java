package org.almoner.engine.linkage;

import java.sql.Connection;

/**
 * Links source records that deterministic linkage could not, for example social care or VCSE
 * records without an NHS number. Runs inside the pseudonymisation boundary: it may read the
 * {@code linkage_keys} table (identifiers of unlinked source people) and {@code linkage_spine}
 * (identifiers of spine people), and adds rows to {@code supplementary_links}
 * ({@code source_system, source_person_pseudonym, person_pseudonym, link_method, match_weight}).
 * Deterministic links always win: a record linked by NHS number is never re-linked.
 */
public interface SupplementaryLinker {

    /** A short name recorded as the link method of the links it makes, for example {@code PROBABILISTIC}. */
    String method();

    /** Adds links to {@code supplementary_links}; returns how many source people it linked. */
    long link(Connection connection);
}
