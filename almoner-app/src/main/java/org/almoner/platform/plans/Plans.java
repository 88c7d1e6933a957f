package org.almoner.platform.plans;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.people.People;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Care and support plans and their agreed versions, stored in PostgreSQL (content as JSON). */
@Component
public class Plans {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final java.util.Map<String, PlanVersion> agreedVersions = new java.util.concurrent.ConcurrentHashMap<>();

    Plans(JdbcClient jdbc, JsonMapper json, People people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.json = requireNonNull(json, "json is null");
        this.people = requireNonNull(people, "people is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Transactional
    public Plan start(UUID personId, PlanContent draft, Actor author) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO plans (id, person_id, draft, created_by, created_at, updated_at) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)")
                .params(id, personId, json.writeValueAsString(draft), author.username(), now, now)
                .update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Plan reviseDraft(Plan plan, PlanContent draft) {
        jdbc.sql("UPDATE plans SET draft = CAST(? AS jsonb), updated_at = ? WHERE id = ?")
                .params(json.writeValueAsString(draft), Timestamp.from(clock.instant()), plan.id())
                .update();
        return find(plan.id()).orElseThrow();
    }

    /**
     * Agrees the current draft as the next version. The organisations that provide its lines are
     * involved with the person from now on, so they can see what they are asked to provide.
     */
    @Transactional
    public PlanVersion agree(Plan plan, Actor recorder) {
        PlanContent content = plan.draft();
        content.checkReadyToAgree();
        if (content.agreement().agreedOn().isAfter(LocalDate.now(clock))) {
            throw new PlatformException(PlatformErrorCode.PLAN_INCOMPLETE, "agreement.agreedOn",
                    "A plan cannot be agreed on a future date. Check the date.");
        }
        // Locking the plan row makes two people agreeing at once take turns, so versions never collide.
        int agreed = jdbc.sql("SELECT agreed_versions FROM plans WHERE id = ? FOR UPDATE").param(plan.id()).query(Integer.class).single();
        int version = agreed + 1;
        boolean counts = content.criteria().allMet();
        jdbc.sql("""
                        INSERT INTO plan_versions (plan_id, version, content, total_cost, counts, agreed_on, recorded_by, recorded_at)
                        VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
                        """)
                .params(plan.id(), version, json.writeValueAsString(content), content.totalAnnualCost(), counts,
                        Date.valueOf(content.agreement().agreedOn()), recorder.username(), Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("UPDATE plans SET agreed_versions = ?, updated_at = ? WHERE id = ?")
                .params(version, Timestamp.from(clock.instant()), plan.id()).update();
        content.lines().stream().map(PlanLine::provider).filter(provider -> provider != null).distinct()
                .forEach(provider -> people.involve(plan.personId(), provider, "Provides support in the agreed care and support plan"));
        events.publishEvent(new PlanAgreed(plan.id(), plan.personId(), version, content.totalAnnualCost(), counts));
        // Not through the cache: this transaction may yet roll back.
        return readVersion(plan.id(), version).orElseThrow();
    }

    public Optional<Plan> find(UUID id) {
        return jdbc.sql("SELECT * FROM plans WHERE id = ?").param(id).query(this::plan).optional();
    }

    public List<Plan> forPerson(UUID personId) {
        return jdbc.sql("SELECT * FROM plans WHERE person_id = ? ORDER BY created_at DESC").param(personId).query(this::plan).list();
    }

    /** An agreed version; versions never change, so each is read from the database once and then kept. */
    public Optional<PlanVersion> version(UUID planId, int version) {
        String key = planId + "/" + version;
        PlanVersion known = agreedVersions.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PlanVersion> read = readVersion(planId, version);
        read.ifPresent(found -> {
            if (agreedVersions.size() > 10_000) {
                agreedVersions.clear();
            }
            agreedVersions.put(key, found);
        });
        return read;
    }

    private Optional<PlanVersion> readVersion(UUID planId, int version) {
        return jdbc.sql("""
                        SELECT v.*, p.person_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id
                        WHERE v.plan_id = ? AND v.version = ?
                        """)
                .params(planId, version).query(this::planVersion).optional();
    }

    public List<PlanVersion> versions(UUID planId) {
        return jdbc.sql("""
                        SELECT v.*, p.person_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id
                        WHERE v.plan_id = ? ORDER BY v.version
                        """)
                .param(planId).query(this::planVersion).list();
    }

    private Plan plan(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        int agreed = row.getInt("agreed_versions");
        return new Plan(id, row.getObject("person_id", UUID.class), json.readValue(row.getString("draft"), PlanContent.class),
                agreed, agreed == 0 ? Optional.empty() : version(id, agreed));
    }

    private PlanVersion planVersion(ResultSet row, int number) throws SQLException {
        return new PlanVersion(row.getObject("plan_id", UUID.class), row.getObject("person_id", UUID.class), row.getInt("version"),
                json.readValue(row.getString("content"), PlanContent.class), row.getBigDecimal("total_cost"),
                row.getBoolean("counts"), row.getDate("agreed_on").toLocalDate(), row.getString("recorded_by"));
    }
}
