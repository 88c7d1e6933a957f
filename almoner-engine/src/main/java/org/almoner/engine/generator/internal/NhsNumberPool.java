package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;
import org.almoner.engine.identity.NhsNumber;

/**
 * Hands out NHS numbers from the 999 test range in a seeded, shuffled order, so numbers do not
 * follow person order. The range holds {@link NhsNumber#TEST_RANGE_CAPACITY} valid numbers; people
 * beyond that get none, as if the NHS had not traced them.
 */
public final class NhsNumberPool {

    private final int[] stems;

    public NhsNumberPool(long seed) {
        int[] valid = new int[NhsNumber.TEST_RANGE_CAPACITY];
        int count = 0;
        char[] digits = "999000000".toCharArray();
        for (int stem = 0; stem < 1_000_000; stem++) {
            int rest = stem;
            for (int i = 8; i >= 3; i--) {
                digits[i] = (char) ('0' + rest % 10);
                rest /= 10;
            }
            if (NhsNumber.checkDigit(new String(digits)) >= 0) {
                valid[count++] = stem;
            }
        }
        SplittableRandom random = new SplittableRandom(Mixing.mix(seed ^ 0x4E48534E554D4245L));
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = valid[i];
            valid[i] = valid[j];
            valid[j] = swap;
        }
        this.stems = valid;
    }

    /** The NHS number of the person at {@code personIndex}, or null when the test range is used up. */
    public String numberFor(long personIndex) {
        if (personIndex >= stems.length) {
            return null;
        }
        return NhsNumber.testRangeNumber(stems[(int) personIndex])
                .orElseThrow(() -> new IllegalStateException("stem without a check digit in the pool"))
                .value();
    }

    public int capacity() {
        return stems.length;
    }
}
