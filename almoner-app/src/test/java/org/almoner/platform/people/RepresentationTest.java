package org.almoner.platform.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class RepresentationTest {

    private static final UUID PERSON = UUID.randomUUID();
    private static final Instant ADDED = Instant.parse("2025-05-01T09:00:00Z");
    private static final RelationshipEnding STEPPED_DOWN =
            new RelationshipEnding(Instant.parse("2026-12-07T10:15:00Z"), "  The nominee stepped down  ", "coordinator");
    private static final String DIRECT_PAYMENT = "their active budget pays a direct payment of £1,000.00 a year, which someone must manage for them";

    private final Representative dana = representative("Dana", Representative.Kind.NOMINEE, Optional.empty());
    private final Representative eric = representative("Eric", Representative.Kind.REPRESENTATIVE, Optional.empty());
    private final Representative formerDeputy = representative("Fay", Representative.Kind.REPRESENTATIVE,
            Optional.of(new RelationshipEnding(Instant.parse("2026-01-01T00:00:00Z"), "Deputyship ended", "coordinator")));

    @Test
    void endingARepresentativeKeepsThemWithWhenWhyAndWhoEndedIt() {
        Representative ended = new Representation(PERSON, List.of(dana, eric), List.of()).end(dana.id(), STEPPED_DOWN);

        assertThat(ended.current()).isFalse();
        assertThat(ended.ending()).contains(new RelationshipEnding(STEPPED_DOWN.endedAt(), "The nominee stepped down", "coordinator"));
        assertThat(ended).usingRecursiveComparison().ignoringFields("ending").isEqualTo(dana);
    }

    @Test
    void refusesToEndARepresentativeWhoAlreadyStopped() {
        Representation representation = new Representation(PERSON, List.of(dana, formerDeputy), List.of());

        assertThatThrownBy(() -> representation.end(formerDeputy.id(), STEPPED_DOWN))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.RELATIONSHIP_ALREADY_ENDED);
                    assertThat(refusal.field()).contains("representativeId");
                    assertThat(refusal.getMessage()).contains("Fay already stopped acting for the person (Deputyship ended)");
                });
    }

    @Test
    void refusesARepresentativeOfSomeoneElse() {
        UUID someoneElses = UUID.randomUUID();
        assertThatThrownBy(() -> new Representation(PERSON, List.of(dana), List.of()).end(someoneElses, STEPPED_DOWN))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.REPRESENTATIVE_NOT_FOUND);
                    assertThat(refusal.getMessage()).contains(someoneElses.toString());
                });
    }

    @Test
    void refusesToLeaveAPersonWithADirectPaymentWithNoOneToManageIt() {
        Representation representation = new Representation(PERSON, List.of(dana, formerDeputy), List.of(DIRECT_PAYMENT));

        assertThatThrownBy(() -> representation.end(dana.id(), STEPPED_DOWN))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.REPRESENTATION_NEEDED);
                    assertThat(refusal.field()).contains("representativeId");
                    assertThat(refusal.getMessage()).contains("Dana is the only representative or nominee")
                            .contains("direct payment of £1,000.00 a year")
                            .contains("Appoint another nominee or representative first, or withhold the direct payment");
                });
    }

    @Test
    void anotherCurrentRepresentativeCanManageTheDirectPayment() {
        Representation representation = new Representation(PERSON, List.of(dana, eric), List.of(DIRECT_PAYMENT));

        assertThat(representation.end(dana.id(), STEPPED_DOWN).current()).isFalse();
    }

    @Test
    void theLastRepresentativeMayGoWhenNothingNeedsOne() {
        assertThat(new Representation(PERSON, List.of(dana), List.of()).end(dana.id(), STEPPED_DOWN).current()).isFalse();
    }

    @Test
    void anEndingNeedsAReasonOfReasonableLength() {
        assertThatThrownBy(() -> new RelationshipEnding(Instant.now(), " ", "coordinator"))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(PlatformErrorCode.INVALID_REQUEST);
                    assertThat(refusal.field()).contains("reason");
                });
        assertThatThrownBy(() -> new RelationshipEnding(Instant.now(), "x".repeat(501), "coordinator"))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> assertThat(refusal.getMessage()).contains("500 characters"));
    }

    @Test
    void currentAndPastAreSeparated() {
        Representation representation = new Representation(PERSON, List.of(dana, formerDeputy, eric), List.of());

        assertThat(representation.current()).containsExactly(dana, eric);
        assertThat(representation.past()).containsExactly(formerDeputy);
    }

    private static Representative representative(String name, Representative.Kind kind, Optional<RelationshipEnding> ending) {
        return new Representative(UUID.randomUUID(), PERSON, kind, name, "daughter", Optional.empty(), Optional.of(UUID.randomUUID()),
                ADDED, ending);
    }
}
