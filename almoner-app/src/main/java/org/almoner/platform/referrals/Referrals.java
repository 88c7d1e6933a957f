package org.almoner.platform.referrals;

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
import org.almoner.platform.pathways.Pathways;
import org.almoner.platform.people.AgeGroup;
import org.almoner.platform.people.Person;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Referrals and eligibility decisions, stored in PostgreSQL. */
@Component
public class Referrals {

    private final JdbcClient jdbc;
    private final Pathways pathways;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(JdbcClient jdbc, Pathways pathways, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.pathways = requireNonNull(pathways, "pathways is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Transactional
    public Referral refer(Person person, NewReferral referral, Actor referrer) {
        pathways.require(referral.cohort(), "cohort");
        LocalDate today = LocalDate.now(clock);
        LocalDate received = referral.receivedOn() == null ? today : referral.receivedOn();
        if (received.isAfter(today)) {
            throw PlatformException.invalid("receivedOn", "A referral cannot be received in the future. Check the date.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO referrals (id, person_id, cohort, source, referrer_name, referrer_organisation, reason,
                                               received_on, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)
                        """)
                .params(id, person.id(), referral.cohort(), referral.source().name(), referral.referrerName().strip(),
                        referral.referrerOrganisation(), referral.reason().strip(), Date.valueOf(received), referrer.username(),
                        Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Referral> find(UUID id) {
        return jdbc.sql("SELECT * FROM referrals WHERE id = ?").param(id).query(this::referral).optional();
    }

    public List<Referral> forPerson(UUID personId) {
        return jdbc.sql("SELECT * FROM referrals WHERE person_id = ? ORDER BY received_on DESC, created_at DESC")
                .param(personId).query(this::referral).list();
    }

    /** Records the decision on a referral; a referral is decided once (a new referral asks again). */
    @Transactional
    public Referral decide(Referral referral, Person person, EligibilityRequest request, Actor assessor) {
        if (referral.status() != ReferralStatus.RECEIVED) {
            throw new PlatformException(PlatformErrorCode.REFERRAL_ALREADY_DECIDED,
                    "This referral was already decided (" + referral.status() + "). To ask again, make a new referral.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate decidedOn = request.decidedOn() == null ? today : request.decidedOn();
        if (decidedOn.isAfter(today) || decidedOn.isBefore(referral.receivedOn())) {
            throw PlatformException.invalid("decidedOn", "The decision date must be between the day the referral was received ("
                    + referral.receivedOn() + ") and today.");
        }
        AgeGroup ageGroup = person.ageGroupOn(decidedOn);
        if (request.eligible() && request.basis() == EligibilityBasis.CHILDRENS_CONTINUING_CARE && ageGroup == AgeGroup.ADULT) {
            throw PlatformException.invalid("basis", "Children's continuing care is for people under 18; this person was "
                    + "an adult on " + decidedOn + ". Choose NHS_CONTINUING_HEALTHCARE or another basis.");
        }
        jdbc.sql("""
                        INSERT INTO eligibility_decisions (id, referral_id, person_id, eligible, basis, local_criteria, age_group,
                                                           reasons, decided_by, decided_on, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), referral.id(), person.id(), request.eligible(), request.basis().name(),
                        request.localCriteria(), ageGroup.name(), request.reasons().strip(), assessor.username(),
                        Date.valueOf(decidedOn), Timestamp.from(clock.instant()))
                .update();
        ReferralStatus status = request.eligible() ? ReferralStatus.ELIGIBLE : ReferralStatus.NOT_ELIGIBLE;
        jdbc.sql("UPDATE referrals SET status = ? WHERE id = ?").params(status.name(), referral.id()).update();
        if (request.eligible()) {
            events.publishEvent(new PersonFoundEligible(person.id(), referral.id(), referral.cohort(), request.basis(), decidedOn));
        }
        return find(referral.id()).orElseThrow();
    }

    /** The person's latest "yes" with its referral's cohort, which a budget needs before it can be set. */
    public Optional<Referral> latestEligibleReferral(UUID personId) {
        return jdbc.sql("""
                        SELECT r.* FROM referrals r JOIN eligibility_decisions e ON e.referral_id = r.id
                        WHERE r.person_id = ? AND e.eligible
                        ORDER BY e.decided_on DESC, e.recorded_at DESC LIMIT 1
                        """).param(personId).query(this::referral).optional();
    }

    private Referral referral(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        Optional<EligibilityDecision> decision = jdbc.sql("SELECT * FROM eligibility_decisions WHERE referral_id = ?").param(id)
                .query((decisionRow, n) -> new EligibilityDecision(
                        id,
                        decisionRow.getObject("person_id", UUID.class),
                        decisionRow.getBoolean("eligible"),
                        EligibilityBasis.valueOf(decisionRow.getString("basis")),
                        Optional.ofNullable(decisionRow.getString("local_criteria")),
                        AgeGroup.valueOf(decisionRow.getString("age_group")),
                        decisionRow.getString("reasons"),
                        decisionRow.getString("decided_by"),
                        decisionRow.getDate("decided_on").toLocalDate()))
                .optional();
        return new Referral(id,
                row.getObject("person_id", UUID.class),
                row.getString("cohort"),
                ReferralSource.valueOf(row.getString("source")),
                row.getString("referrer_name"),
                Optional.ofNullable(row.getString("referrer_organisation")),
                row.getString("reason"),
                row.getDate("received_on").toLocalDate(),
                ReferralStatus.valueOf(row.getString("status")),
                decision);
    }
}
