package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Role;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts for a person and who works with them, over time: their representatives and nominees
 * and their care team, current and past, and the day one of them stops. Nothing is deleted; an
 * ended relationship stops access at once because {@link AccessRules} reads only current ones. Each
 * ending is audited with it, whichever way it was asked for (the API or the pages).
 */
@Component
public class PersonRelationships {

    private final JdbcClient jdbc;
    private final List<RepresentationNeed> needs;
    private final PersonAccess access;
    private final Clock clock;

    PersonRelationships(JdbcClient jdbc, List<RepresentationNeed> needs, PersonAccess access, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.needs = List.copyOf(needs);
        this.access = requireNonNull(access, "access is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Everyone who acts or acted for the person, oldest first. */
    public Representation representation(UUID personId) {
        return new Representation(personId, jdbc.sql("SELECT * FROM representatives WHERE person_id = ? ORDER BY added_at, id")
                .param(personId).query(PersonRelationships::representative).list(), List.of());
    }

    /** Everyone who is or was in the person's care team. */
    public CareTeam careTeam(UUID personId) {
        return new CareTeam(personId, jdbc.sql("""
                        SELECT t.*, a.username, a.display_name, a.role FROM care_team t JOIN accounts a ON a.id = t.account_id
                        WHERE t.person_id = ? ORDER BY t.added_at
                        """).param(personId).query(PersonRelationships::member).list());
    }

    /**
     * A representative or nominee stops acting for the person, from now, for a reason; see
     * {@link Representation#end} for when that is refused.
     */
    @Transactional
    public Representative endRepresentation(UUID personId, UUID representativeId, String reason, Actor actor) {
        RelationshipEnding ending = new RelationshipEnding(clock.instant(), reason, actor.username());
        lock(personId);
        List<String> reasonsToKeepOne = needs.stream().map(need -> need.whyNeeded(personId)).flatMap(Optional::stream).toList();
        Representation now = representation(personId);
        Representative ended = new Representation(personId, now.representatives(), reasonsToKeepOne).end(representativeId, ending);
        jdbc.sql("UPDATE representatives SET ended_at = ?, end_reason = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL")
                .params(Timestamp.from(ending.endedAt()), ending.reason(), ending.endedBy(), representativeId).update();
        access.recordAllowed(personId, PersonOperation.EDIT_PERSON, "REPRESENTATIVE_ENDED", representativeId);
        return ended;
    }

    /** A colleague leaves the person's care team, from now, for a reason; see {@link CareTeam#leave} for when that is refused. */
    @Transactional
    public CareTeamMember leaveCareTeam(UUID personId, String username, String reason, Actor actor) {
        RelationshipEnding ending = new RelationshipEnding(clock.instant(), reason, actor.username());
        lock(personId);
        CareTeamMember left = careTeam(personId).leave(username, ending);
        jdbc.sql("UPDATE care_team SET ended_at = ?, end_reason = ?, ended_by = ? WHERE person_id = ? AND account_id = ? AND ended_at IS NULL")
                .params(Timestamp.from(ending.endedAt()), ending.reason(), ending.endedBy(), personId, left.accountId()).update();
        access.recordAllowed(personId, PersonOperation.EDIT_PERSON, "CARE_TEAM_LEFT", username);
        return left;
    }

    /** Endings for one person take turns, so two at once cannot both leave them with no one. */
    private void lock(UUID personId) {
        if (jdbc.sql("SELECT id FROM people WHERE id = ? FOR UPDATE").param(personId).query(UUID.class).optional().isEmpty()) {
            throw new PlatformException(PlatformErrorCode.PERSON_NOT_FOUND, "personId",
                    "There is no person with id " + personId + ". Check the address.");
        }
    }

    static Representative representative(ResultSet row, int number) throws SQLException {
        return new Representative(
                row.getObject("id", UUID.class),
                row.getObject("person_id", UUID.class),
                Representative.Kind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getString("relationship"),
                Optional.ofNullable(row.getString("contact")),
                Optional.ofNullable(row.getObject("account_id", UUID.class)),
                row.getTimestamp("added_at").toInstant(),
                ending(row));
    }

    private static CareTeamMember member(ResultSet row, int number) throws SQLException {
        return new CareTeamMember(row.getObject("account_id", UUID.class), row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")), row.getTimestamp("added_at").toInstant(), ending(row));
    }

    private static Optional<RelationshipEnding> ending(ResultSet row) throws SQLException {
        Timestamp endedAt = row.getTimestamp("ended_at");
        return endedAt == null ? Optional.empty()
                : Optional.of(new RelationshipEnding(endedAt.toInstant(), row.getString("end_reason"), row.getString("ended_by")));
    }
}
