package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The people the platform supports, their representatives, care teams and involved organisations. */
@Component
public class People {

    private final JdbcClient jdbc;
    private final AnalyticsLink analytics;
    private final Clock clock;

    People(JdbcClient jdbc, AnalyticsLink analytics, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.analytics = requireNonNull(analytics, "analytics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Records a person for the creator's organisation and puts the creator in their care team. */
    @Transactional
    public Person record(NewPerson details, Actor creator) {
        if (details.nhsNumberIfKnown().isPresent()
                && jdbc.sql("SELECT count(*) FROM people WHERE nhs_number = ?").param(details.nhsNumber()).query(Long.class).single() > 0) {
            throw new PlatformException(PlatformErrorCode.DUPLICATE_PERSON, "nhsNumber",
                    "A person with NHS number " + details.nhsNumber() + " is already recorded. Find them in the list of people instead.");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO people (id, nhs_number, given_name, family_name, date_of_birth, sex, postcode,
                                            responsible_organisation, analytics_pseudonym, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, details.nhsNumber(), details.givenName().strip(), details.familyName().strip(),
                        Date.valueOf(details.dateOfBirth()), details.sex(), details.postcode(), creator.organisation(),
                        details.analyticsPseudonym() != null ? details.analyticsPseudonym()
                                : analytics.pseudonymFor(details.nhsNumber()).orElse(null),
                        creator.username(), now)
                .update();
        addToCareTeam(id, creator.accountId());
        return find(id).orElseThrow();
    }

    public Optional<Person> find(UUID id) {
        return jdbc.sql("SELECT * FROM people WHERE id = ?").param(id).query(People::person).optional();
    }

    /** The people a caller sees without giving a reason: their caseload, organisation, referrals, or themselves. */
    public List<Person> visibleTo(Actor actor, int limit) {
        Visibility visible = visibility(actor);
        return visible.bind(jdbc.sql("SELECT p.* FROM people p WHERE " + visible.condition()
                        + " ORDER BY p.family_name, p.given_name, p.id LIMIT :limit"))
                .param("limit", limit)
                .query(People::person)
                .list();
    }

    /** What a caseload is narrowed by: words of a name or digits of an NHS number, and the stage of the latest budget. */
    public record CaseloadFilter(String search, Optional<String> latestBudgetStatus) {
        /** The stage a person with no budget is filtered by. */
        public static final String NO_BUDGET = "NONE";

        public CaseloadFilter {
            requireNonNull(search, "search is null");
            requireNonNull(latestBudgetStatus, "latestBudgetStatus is null");
        }
    }

    /** A person of a caseload, and the stage of their latest budget (by its status name) if they have one. */
    public record CaseloadEntry(Person person, Optional<String> latestBudgetStatus) {
        public CaseloadEntry {
            requireNonNull(person, "person is null");
            requireNonNull(latestBudgetStatus, "latestBudgetStatus is null");
        }
    }

    /**
     * One page of the people the actor may see, in name order, filtered and paged by the database
     * so that a commissioner's million people open as quickly as a coordinator's dozen, and a
     * search finds anyone, not only those in the first page. The latest budget's stage is read here
     * with the person because the caseload filters on it; it is a status name, not the budgets
     * module's type, since budgets build on people.
     */
    public List<CaseloadEntry> caseload(Actor actor, CaseloadFilter filter, int offset, int limit) {
        String wanted = filter.search().strip().toLowerCase(java.util.Locale.UK).replace(" ", "");
        String pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // The page is chosen first, by ids alone (an index-only walk when nothing is searched), and the
        // people and their latest budget read for its fifty only: reading the budget for every candidate
        // before the sort made a search matching thousands take seconds.
        String latest = "(SELECT b.status FROM budgets b WHERE b.person_id = %s.id ORDER BY b.created_at DESC LIMIT 1)";
        String stage = filter.latestBudgetStatus().isPresent() ? "AND coalesce(" + latest.formatted("p") + ", 'NONE') = :status" : "";
        // Conditions are left out rather than switched off by a parameter, so a reused plan never loses the indexes.
        String search = wanted.isEmpty() ? "" : """
                AND (lower(p.given_name || p.family_name) LIKE :pattern OR lower(p.family_name || p.given_name) LIKE :pattern
                     OR p.nhs_number LIKE :pattern)""";
        // A search of three or more characters goes through the trigram indexes and sorts what they find:
        // walking the name index in order and filtering took seconds for a common name late in the
        // alphabet, since the matches are not spread evenly through it. (The expression stops the planner
        // from choosing that walk.) Shorter searches cannot use trigrams, and most match many people early.
        String order = wanted.length() >= 3 ? "p.family_name || '', p.given_name, p.id" : "p.family_name, p.given_name, p.id";
        Visibility visible = visibility(actor);
        return visible.bind(jdbc.sql("""
                        SELECT page.*, %s AS latest_budget_status FROM people page
                        JOIN (SELECT p.id FROM people p
                              WHERE %s %s %s
                              ORDER BY %s LIMIT :limit OFFSET :offset) chosen ON chosen.id = page.id
                        ORDER BY page.family_name, page.given_name, page.id
                        """.formatted(latest.formatted("page"), visible.condition(), search, stage, order)))
                .param("pattern", pattern)
                .param("status", filter.latestBudgetStatus().orElse(""))
                .param("limit", limit)
                .param("offset", offset)
                .query((row, number) -> new CaseloadEntry(person(row, number), Optional.ofNullable(row.getString("latest_budget_status"))))
                .list();
    }

    /**
     * The people an actor may see, as a condition on the {@code people} table under the alias
     * {@code p} with its named parameters, so that another module's list (reviews due, say) is
     * narrowed by the same rule in its own query instead of asking person by person.
     */
    public record Visibility(String condition, Map<String, Object> parameters) {
        public Visibility {
            requireNonNull(condition, "condition is null");
            parameters = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(parameters));
        }

        /** Sets this condition's parameters on a statement that embeds it. */
        public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            parameters.forEach(statement::param);
            return statement;
        }
    }

    public Visibility visibility(Actor actor) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("visibleToAccount", actor.accountId());
        parameters.put("visibleToOrganisation", actor.organisation());
        parameters.put("visibleToPerson", actor.personId().orElse(null));
        return new Visibility(switch (actor.role()) {
            case COORDINATOR, CLINICIAN, LINK_WORKER -> "p.id IN (SELECT person_id FROM care_team WHERE account_id = :visibleToAccount AND ended_at IS NULL)";
            case COMMISSIONER, APPROVER -> "p.responsible_organisation = :visibleToOrganisation";
            case PROVIDER -> "p.id IN (SELECT person_id FROM person_organisations WHERE organisation_code = :visibleToOrganisation)";
            case BUDGET_HOLDER -> "(p.id = :visibleToPerson OR p.id IN (SELECT person_id FROM representatives WHERE account_id = :visibleToAccount AND ended_at IS NULL))";
            case AUDITOR, ADMINISTRATOR -> "false";
        }, parameters);
    }

    /** The people with these ids (those that exist), in one query. */
    public Map<UUID, Person> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Person> found = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM people WHERE id = ANY(?)").param(ids.toArray(UUID[]::new))
                .query(People::person).list().forEach(person -> found.put(person.id(), person));
        return found;
    }

    /** A person and how the caller stands to them. */
    record Standing(Person person, Relationship relationship) {}

    /**
     * The person and how the caller stands to them, in one round trip: this runs before every read
     * or write of a person's data.
     */
    Optional<Standing> findAsSeenBy(Actor actor, UUID personId) {
        return jdbc.sql("""
                        SELECT p.*,
                               EXISTS (SELECT 1 FROM care_team WHERE person_id = p.id AND account_id = :account
                                       AND ended_at IS NULL) AS care_team,
                               EXISTS (SELECT 1 FROM person_organisations WHERE person_id = p.id AND organisation_code = :organisation) AS involved,
                               EXISTS (SELECT 1 FROM representatives WHERE person_id = p.id AND account_id = :account
                                       AND ended_at IS NULL) AS represents
                        FROM people p WHERE p.id = :person
                        """)
                .param("person", personId)
                .param("account", actor.accountId())
                .param("organisation", actor.organisation())
                .query((row, number) -> {
                    Person person = person(row, number);
                    return new Standing(person, new Relationship(person.responsibleOrganisation().equals(actor.organisation()),
                            row.getBoolean("care_team"), row.getBoolean("involved"),
                            row.getBoolean("represents") || actor.personId().filter(person.id()::equals).isPresent()));
                })
                .optional();
    }

    @Transactional
    public void addToCareTeam(UUID personId, UUID accountId) {
        jdbc.sql("INSERT INTO care_team (person_id, account_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(personId, accountId, Timestamp.from(clock.instant())).update();
    }

    /** Notes that an organisation provides, or was asked to provide, the person's care, so it may see them. */
    @Transactional
    public void involve(UUID personId, String organisationCode, String reason) {
        jdbc.sql("""
                        INSERT INTO person_organisations (person_id, organisation_code, reason, since) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """)
                .params(personId, organisationCode, reason, Timestamp.from(clock.instant())).update();
    }

    @Transactional
    public Representative addRepresentative(UUID personId, Representative.Kind kind, String name, String relationship,
            Optional<String> contact, Optional<UUID> accountId, Actor actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO representatives (id, person_id, kind, name, relationship, contact, account_id, added_by, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, personId, kind.name(), name, relationship, contact.orElse(null), accountId.orElse(null),
                        actor.username(), Timestamp.from(now))
                .update();
        return new Representative(id, personId, kind, name, relationship, contact, accountId, now, Optional.empty());
    }

    /** Those who act for the person now, oldest first; {@link PersonRelationships} has those who stopped too. */
    public List<Representative> representatives(UUID personId) {
        return jdbc.sql("SELECT * FROM representatives WHERE person_id = ? AND ended_at IS NULL ORDER BY added_at, id").param(personId)
                .query(PersonRelationships::representative)
                .list();
    }

    /** The usernames of the person's care team now. */
    public List<String> careTeam(UUID personId) {
        return jdbc.sql("""
                        SELECT a.username FROM care_team t JOIN accounts a ON a.id = t.account_id
                        WHERE t.person_id = ? AND t.ended_at IS NULL ORDER BY a.username
                        """).param(personId).query(String.class).list();
    }

    private static Person person(ResultSet row, int number) throws SQLException {
        return new Person(
                row.getObject("id", UUID.class),
                Optional.ofNullable(row.getString("nhs_number")),
                row.getString("given_name"),
                row.getString("family_name"),
                row.getDate("date_of_birth").toLocalDate(),
                row.getString("sex"),
                Optional.ofNullable(row.getString("postcode")),
                row.getString("responsible_organisation"),
                Optional.ofNullable(row.getString("analytics_pseudonym")));
    }
}
