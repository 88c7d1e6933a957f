package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Role;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;

/** Everyone who is, or was, in one person's care team, and the rule for a colleague leaving it. */
public record CareTeam(UUID personId, List<CareTeamMember> members) {

    public CareTeam {
        requireNonNull(personId, "personId is null");
        members = List.copyOf(members);
    }

    /** The current members, by username. */
    public List<CareTeamMember> current() {
        return members.stream().filter(CareTeamMember::current).sorted(Comparator.comparing(CareTeamMember::username)).toList();
    }

    /** Those who left, most recently left first. */
    public List<CareTeamMember> past() {
        return members.stream().filter(member -> !member.current())
                .sorted(Comparator.comparing((CareTeamMember member) -> member.ending().orElseThrow().endedAt()).reversed()).toList();
    }

    /** Whether this member is the only coordinator in the care team now, and so cannot leave it yet. */
    public boolean onlyCoordinator(CareTeamMember member) {
        return member.current() && member.role() == Role.COORDINATOR
                && current().stream().noneMatch(other -> other.role() == Role.COORDINATOR && !other.username().equals(member.username()));
    }

    /**
     * A colleague leaves the care team. Refused when they were never in it, have already left, or
     * are its last coordinator: someone must still hold the person's budget, so another
     * coordinator joins first.
     */
    CareTeamMember leave(String username, RelationshipEnding ending) {
        requireNonNull(ending, "ending is null");
        Optional<CareTeamMember> now = current().stream().filter(member -> member.username().equals(username)).findFirst();
        if (now.isEmpty()) {
            Optional<CareTeamMember> before = past().stream().filter(member -> member.username().equals(username)).findFirst();
            if (before.isPresent()) {
                throw new PlatformException(PlatformErrorCode.RELATIONSHIP_ALREADY_ENDED, "username",
                        before.get().displayName() + " already left this person's care team (" + before.get().ending().orElseThrow().reason()
                                + "). There is nothing to remove; to have them back, add them to the care team again.");
            }
            throw new PlatformException(PlatformErrorCode.CARE_TEAM_MEMBER_NOT_FOUND, "username",
                    "'" + username + "' is not in this person's care team. Check the username against the care team list.");
        }
        CareTeamMember leaving = now.get();
        if (onlyCoordinator(leaving)) {
            throw new PlatformException(PlatformErrorCode.COORDINATOR_NEEDED, "username",
                    leaving.displayName() + " is the only coordinator in this person's care team, and someone must hold their"
                            + " budget. Add another coordinator to the care team first, then remove " + leaving.displayName() + ".");
        }
        return new CareTeamMember(leaving.accountId(), leaving.username(), leaving.displayName(), leaving.role(), leaving.addedAt(),
                Optional.of(ending));
    }
}
