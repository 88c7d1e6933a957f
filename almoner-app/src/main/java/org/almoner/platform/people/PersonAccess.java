package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The gate to a person's data. Every module asks it before reading or changing anything about a
 * person; it decides by {@link AccessRules}, writes the attempt to the audit trail whether allowed
 * or refused, and refuses with a problem the caller can act on.
 *
 * <p>A caller reaching outside their caseload says why in the {@value #REASON_HEADER} request
 * header; the access is then allowed, and flagged in the audit trail for review.
 */
@Component
public class PersonAccess {

    public static final String REASON_HEADER = "X-Access-Reason";

    private final People people;
    private final Actors actors;
    private final AuditTrail audit;
    private final Clock clock;

    PersonAccess(People people, Actors actors, AuditTrail audit, Clock clock) {
        this.people = requireNonNull(people, "people is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Lets the current caller do {@code operation} to the person's record, or refuses.
     *
     * @param recordType what is reached (PERSON, PLAN, BUDGET...), for the audit trail
     * @param recordId the record's identifier, for the audit trail
     * @return the person, for the caller's use
     */
    public Person require(UUID personId, PersonOperation operation, String recordType, Object recordId) {
        Actor actor = actors.current();
        String reason = reasonGiven();
        People.Standing standing = people.findAsSeenBy(actor, personId).orElse(null);
        if (standing == null) {
            write(actor, null, recordType, recordId, operation, AuditOutcome.REFUSED, reason, false);
            throw new PlatformException(PlatformErrorCode.PERSON_NOT_FOUND, "personId",
                    "There is no person with id " + personId + ". Check the address.");
        }
        Person person = standing.person();
        AccessDecision decision = AccessRules.decide(actor.role(), operation, standing.relationship(), reason != null);
        write(actor, personId, recordType, recordId, operation, decision.allowed() ? AuditOutcome.ALLOWED : AuditOutcome.REFUSED,
                reason, decision.flagged());
        return switch (decision) {
            case ALLOW, ALLOW_FLAGGED -> person;
            case REASON_REQUIRED -> throw new PlatformException(PlatformErrorCode.ACCESS_REASON_REQUIRED,
                    "This person is not in your caseload. To open their record, say why in the " + REASON_HEADER
                            + " header; the access will be recorded and reviewed.");
            case REFUSE_ROLE -> throw new PlatformException(PlatformErrorCode.ACCESS_DENIED,
                    "Your role (" + actor.role() + ") cannot do this (" + operation + ").");
            case REFUSE_RECORD -> throw new PlatformException(PlatformErrorCode.ACCESS_DENIED,
                    "You do not have access to this person's record. Ask their coordinator if you need it.");
        };
    }

    /**
     * Lets the current caller do {@code operation} where there is no person yet (recording one,
     * listing their own), or refuses; refusals are audited.
     */
    public Actor requireRole(PersonOperation operation, String recordType) {
        Actor actor = actors.current();
        if (!operation.allows(actor.role())) {
            write(actor, null, recordType, null, operation, AuditOutcome.REFUSED, reasonGiven(), false);
            throw new PlatformException(PlatformErrorCode.ACCESS_DENIED,
                    "Your role (" + actor.role() + ") cannot do this (" + operation + ").");
        }
        return actor;
    }

    /** Audits an action on a person that {@link #requireRole} already admitted (recording them). */
    public void recordAllowed(UUID personId, PersonOperation operation, String recordType, Object recordId) {
        recordAllowed(operation, recordType, List.of(new Reached(personId, recordId)));
    }

    /** A record of a person shown in a list. */
    public record Reached(UUID personId, Object recordId) {}

    /** Audits every person's record a list showed, together. */
    public void recordAllowed(PersonOperation operation, String recordType, List<Reached> reached) {
        Actor actor = actors.current();
        String reason = reasonGiven();
        audit.recordAll(reached.stream().map(one -> new AuditEntry(clock.instant(), actor.username(), actor.role().name(),
                actor.organisation(), one.personId(), recordType, one.recordId() == null ? null : one.recordId().toString(),
                operation.name(), AuditOutcome.ALLOWED, reason, false)).toList());
    }

    private void write(Actor actor, UUID personId, String recordType, Object recordId, PersonOperation operation,
            AuditOutcome outcome, String reason, boolean flagged) {
        audit.record(new AuditEntry(clock.instant(), actor.username(), actor.role().name(), actor.organisation(), personId,
                recordType, recordId == null ? null : recordId.toString(), operation.name(), outcome, reason, flagged));
    }

    private static String reasonGiven() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String reason = request.getRequest().getHeader(REASON_HEADER);
            if (reason != null && !reason.isBlank()) {
                return reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
            }
        }
        return null;
    }
}
