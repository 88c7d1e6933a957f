package org.almoner.engine.quality;

/**
 * A red-amber-green rating of a measure. The words, not the colour, carry the meaning, so the
 * report reads the same to someone who cannot tell red from green.
 */
public enum Rating {
    GOOD("Good"),
    NEEDS_ATTENTION("Needs attention"),
    POOR("Poor"),
    NOT_APPLICABLE("Not rated");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
