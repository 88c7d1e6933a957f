package org.almoner.platform.indicators;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One key performance indicator as it stands.
 *
 * @param name       the measure, in the handbook's words where it names it
 * @param source     where the measure comes from (handbook 4.1 stage 4, or the platform's monitoring)
 * @param value      the figure, or null when it cannot be computed yet
 * @param details    how the figure was worked out, or the figures beside it
 * @param whyNot     when there is no figure, why not and what would be needed; otherwise null
 */
public record Indicator(String name, String source, String value, List<String> details, String whyNot) {

    public Indicator {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        details = List.copyOf(requireNonNull(details, "details is null"));
        if ((value == null) == (whyNot == null)) {
            throw new IllegalArgumentException("an indicator has either a value or a reason it has none");
        }
    }

    /** Whether the platform could work the figure out. */
    public boolean computed() {
        return value != null;
    }
}
