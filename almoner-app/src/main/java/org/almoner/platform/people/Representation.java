package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;

/**
 * Everyone who acts, or acted, for one person, oldest first, and the rule for one of them stopping.
 *
 * @param needs why the person must keep someone acting for them (an active direct payment), from
 *     the capabilities that build on people; empty when nothing needs it, or when only read
 */
public record Representation(UUID personId, List<Representative> representatives, List<String> needs) {

    public Representation {
        requireNonNull(personId, "personId is null");
        representatives = List.copyOf(representatives);
        needs = List.copyOf(needs);
    }

    public List<Representative> current() {
        return representatives.stream().filter(Representative::current).toList();
    }

    public List<Representative> past() {
        return representatives.stream().filter(representative -> !representative.current()).toList();
    }

    public Optional<Representative> find(UUID representativeId) {
        return representatives.stream().filter(representative -> representative.id().equals(representativeId)).findFirst();
    }

    /**
     * Ends one representative or nominee. Refused when they are not this person's, have already
     * stopped, or are the last one acting for a person who needs one: whoever manages a direct
     * payment must be replaced, or the direct payment withheld, before they go.
     */
    Representative end(UUID representativeId, RelationshipEnding ending) {
        Representative leaving = find(representativeId).orElseThrow(() -> new PlatformException(
                PlatformErrorCode.REPRESENTATIVE_NOT_FOUND, "representativeId",
                "This person has no representative or nominee with id " + representativeId + ". Check the address."));
        Representative ended = leaving.end(ending);
        boolean othersRemain = current().stream().anyMatch(other -> !other.id().equals(representativeId));
        if (!othersRemain && !needs.isEmpty()) {
            throw new PlatformException(PlatformErrorCode.REPRESENTATION_NEEDED, "representativeId",
                    leaving.name() + " is the only representative or nominee acting for this person, and " + String.join("; ", needs)
                            + ". Appoint another nominee or representative first, or withhold the direct payment (on the budget page),"
                            + " then remove " + leaving.name() + ".");
        }
        return ended;
    }
}
