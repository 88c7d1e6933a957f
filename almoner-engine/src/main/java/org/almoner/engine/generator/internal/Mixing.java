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
        return prefix + Long.toUnsignedString(mix(value), 36).toUpperCase(java.util.Locale.ROOT);
    }
}
