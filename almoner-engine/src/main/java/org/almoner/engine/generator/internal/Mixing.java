package org.almoner.engine.generator.internal;

/**
 * A bijective 64-bit mixing function (the SplitMix64 finaliser, Steele, Lea and Flood 2014). Being a
 * bijection, distinct inputs give distinct outputs, which makes unique but unordered record ids.
 */
final class Mixing {

    private Mixing() {
    }

    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An identifier made of a prefix and the mixed value in upper-case base 36. */
    static String identifier(String prefix, long value) {
        long mixed = mix(value);
        char[] text = new char[prefix.length() + 13];
        prefix.getChars(0, prefix.length(), text, 0);
        int position = text.length;
        // Unsigned base 36: peel one digit with unsigned division so the rest fits a signed long.
        long rest = Long.divideUnsigned(mixed, 36);
        text[--position] = DIGITS[(int) Long.remainderUnsigned(mixed, 36)];
        while (rest > 0) {
            text[--position] = DIGITS[(int) (rest % 36)];
            rest /= 36;
        }
        int digits = text.length - position;
        System.arraycopy(text, position, text, prefix.length(), digits);
        return new String(text, 0, prefix.length() + digits);
    }

    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
}
