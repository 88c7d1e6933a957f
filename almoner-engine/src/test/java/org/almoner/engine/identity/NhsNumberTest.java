package org.almoner.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsPublishedExampleNumber() {
        // 943 476 5919 is the example NHS number used in NHS Digital's documentation of the check digit.
        assertThat(NhsNumber.isValid("9434765919")).isTrue();
        assertThat(NhsNumber.parse("943 476 5919")).contains(new NhsNumber("9434765919"));
    }

    @Test
    void rejectsNumbersWhoseCheckWouldBeTen() {
        // 123456789: sum of weights = 1*10+2*9+3*8+4*7+5*6+6*5+7*4+8*3+9*2 = 210; 210 % 11 = 1; 11 - 1 = 10.
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(NhsNumber.isValid("123456789" + digit)).isFalse();
        }
        assertThat(NhsNumber.checkDigit("123456789")).isEqualTo(-1);
    }

    @Test
    void rejectsWrongLengthAndNonDigits() {
        assertThat(NhsNumber.isValid("943476591")).isFalse();
        assertThat(NhsNumber.isValid("94347659190")).isFalse();
        assertThat(NhsNumber.isValid("94347659I9")).isFalse();
        assertThat(NhsNumber.isValid(null)).isFalse();
        assertThat(NhsNumber.parse("")).isEmpty();
        assertThatThrownBy(() -> new NhsNumber("9434765918"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9434765918");
    }

    @Test
    void testRangeHoldsTheNumbersWithACheckDigit() {
        // 1,000,000 stems; those whose weighted sum leaves remainder 1 have no check digit.
        assertThat(NhsNumber.TEST_RANGE_CAPACITY).isBetween(900_000, 920_000);
        // 999000000: 9*10 + 9*9 + 9*8 = 243, remainder 1, check 10: no number. 999000001 adds 1*2: check 8.
        assertThat(NhsNumber.testRangeNumber(0)).isEmpty();
        assertThat(NhsNumber.testRangeNumber(1)).contains(new NhsNumber("9990000018"));
    }

    @Property
    void everySingleDigitChangeToAValidNumberIsRejected(@ForAll("validTestRangeNumbers") NhsNumber number) {
        // Modulus 11 with distinct weights 10..2 catches every single-digit substitution: changing digit i
        // by d (1..9) changes the sum by d*w with w in 2..10 (or the check digit itself by d), never a
        // multiple of 11.
        String value = number.value();
        for (int position = 0; position < 10; position++) {
            for (char replacement = '0'; replacement <= '9'; replacement++) {
                if (replacement == value.charAt(position)) {
                    continue;
                }
                String changed = value.substring(0, position) + replacement + value.substring(position + 1);
                assertThat(NhsNumber.isValid(changed)).as("%s changed at %d to %s", value, position, changed).isFalse();
            }
        }
    }

    @Property
    void everyRandomTestNumberIsValidAndInThe999Range(@ForAll long seed) {
        NhsNumber number = NhsNumber.randomTestNumber(new SplittableRandom(seed));
        assertThat(number.value()).startsWith("999").hasSize(10);
        assertThat(NhsNumber.isValid(number.value())).isTrue();
        assertThat(number.formatted()).matches("999 \\d{3} \\d{4}");
    }

    @Provide
    Arbitrary<NhsNumber> validTestRangeNumbers() {
        return Arbitraries.integers().between(0, 999_999)
                .filter(stem -> NhsNumber.testRangeNumber(stem).isPresent())
                .map(stem -> NhsNumber.testRangeNumber(stem).orElseThrow());
    }
}
