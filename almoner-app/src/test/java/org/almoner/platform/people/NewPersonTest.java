package org.almoner.platform.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.almoner.engine.identity.NhsNumber;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class NewPersonTest {

    @Property
    void acceptsEveryValidTestRangeNumberHoweverItIsSpaced(@ForAll @IntRange(min = 0, max = 900_000) int stem) {
        NhsNumber.testRangeNumber(stem).ifPresent(number -> {
            String spaced = number.value().substring(0, 3) + " " + number.value().substring(3, 6) + " " + number.value().substring(6);
            assertThat(person(spaced).nhsNumber()).isEqualTo(number.value());
        });
    }

    @Property
    void refusesANumberWithAnyOneDigitChanged(@ForAll @IntRange(min = 0, max = 900_000) int stem,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        NhsNumber.testRangeNumber(stem).ifPresent(number -> {
            char[] digits = number.value().toCharArray();
            digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
            assertThatThrownBy(() -> person(new String(digits))).isInstanceOfSatisfying(PlatformException.class,
                    refusal -> assertThat(refusal.field()).contains("nhsNumber"));
        });
    }

    @Test
    void aPersonIsAChildUntilTheirEighteenthBirthday() {
        Person person = new Person(java.util.UUID.randomUUID(), java.util.Optional.empty(), "A", "B", LocalDate.of(2008, 5, 10), "2",
                java.util.Optional.empty(), "NORTH", java.util.Optional.empty());
        assertThat(person.ageGroupOn(LocalDate.of(2026, 5, 9))).isEqualTo(AgeGroup.CHILD);
        assertThat(person.ageGroupOn(LocalDate.of(2026, 5, 10))).isEqualTo(AgeGroup.ADULT);
    }

    private static NewPerson person(String nhsNumber) {
        return new NewPerson(nhsNumber, "Given", "Family", LocalDate.of(1970, 1, 1), "1", null, null);
    }
}
