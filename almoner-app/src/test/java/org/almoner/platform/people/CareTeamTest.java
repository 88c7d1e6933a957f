package org.almoner.platform.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Role;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class CareTeamTest {

    private static final UUID PERSON = UUID.randomUUID();
    private static final RelationshipEnding MOVED_ON =
            new RelationshipEnding(Instant.parse("2026-12-07T10:15:00Z"), "Care coordinator left the service", "coordinator");

    private final CareTeamMember coordinator = member("coordinator", Role.COORDINATOR, Optional.empty());
    private final CareTeamMember secondCoordinator = member("coordinator2", Role.COORDINATOR, Optional.empty());
    private final CareTeamMember clinician = member("clinician", Role.CLINICIAN, Optional.empty());
    private final CareTeamMember formerLinkWorker = member("linkworker", Role.LINK_WORKER,
            Optional.of(new RelationshipEnding(Instant.parse("2026-02-01T00:00:00Z"), "Social prescribing finished", "coordinator")));

    @Test
    void aColleagueLeavesTheCareTeamWithWhenAndWhy() {
        CareTeamMember left = new CareTeam(PERSON, List.of(coordinator, clinician)).leave("clinician", MOVED_ON);

        assertThat(left.current()).isFalse();
        assertThat(left.ending()).contains(MOVED_ON);
        assertThat(left.accountId()).isEqualTo(clinician.accountId());
    }

    @Test
    void refusesSomeoneWhoAlreadyLeftNamingWhy() {
        assertThatThrownBy(() -> new CareTeam(PERSON, List.of(coordinator, formerLinkWorker)).leave("linkworker", MOVED_ON))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.RELATIONSHIP_ALREADY_ENDED);
                    assertThat(refusal.field()).contains("username");
                    assertThat(refusal.getMessage()).contains("already left").contains("Social prescribing finished");
                });
    }

    @Test
    void refusesSomeoneWhoWasNeverInTheCareTeam() {
        assertThatThrownBy(() -> new CareTeam(PERSON, List.of(coordinator)).leave("auditor", MOVED_ON))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.CARE_TEAM_MEMBER_NOT_FOUND);
                    assertThat(refusal.getMessage()).contains("'auditor' is not in this person's care team");
                });
    }

    @Test
    void refusesToRemoveTheLastCoordinator() {
        assertThatThrownBy(() -> new CareTeam(PERSON, List.of(coordinator, clinician)).leave("coordinator", MOVED_ON))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.COORDINATOR_NEEDED);
                    assertThat(refusal.getMessage()).contains("Add another coordinator to the care team first");
                });
    }

    @Test
    void aCoordinatorMayGoWhenAnotherRemains() {
        CareTeam team = new CareTeam(PERSON, List.of(coordinator, secondCoordinator));

        assertThat(team.onlyCoordinator(coordinator)).isFalse();
        assertThat(team.leave("coordinator", MOVED_ON).current()).isFalse();
        assertThat(new CareTeam(PERSON, List.of(coordinator, clinician)).onlyCoordinator(coordinator)).isTrue();
    }

    @Test
    void aColleagueWhoRejoinedIsCurrentAndTheirEarlierSpellIsPast() {
        CareTeamMember rejoined = new CareTeamMember(formerLinkWorker.accountId(), "linkworker", "Link worker", Role.LINK_WORKER,
                Instant.parse("2026-03-01T09:00:00Z"), Optional.empty());
        CareTeam team = new CareTeam(PERSON, List.of(coordinator, formerLinkWorker, rejoined));

        assertThat(team.current()).containsExactly(coordinator, rejoined);
        assertThat(team.past()).containsExactly(formerLinkWorker);
        assertThat(team.leave("linkworker", MOVED_ON).addedAt()).isEqualTo(rejoined.addedAt());
    }

    private static CareTeamMember member(String username, Role role, Optional<RelationshipEnding> ending) {
        return new CareTeamMember(UUID.randomUUID(), username, username + " (display)", role,
                Instant.parse("2025-05-01T09:00:00Z").plusSeconds(username.length()), ending);
    }
}
