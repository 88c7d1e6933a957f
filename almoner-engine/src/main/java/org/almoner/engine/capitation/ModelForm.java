package org.almoner.engine.capitation;

/** The shapes of complexity adjustment Almoner fits, and how each is described in words. */
public enum ModelForm {
    /** Ordinary least squares of annual cost on the characteristics. */
    LINEAR("linear", "ordinary least squares of annual cost"),
    /**
     * A two-part model for skewed cost: the chance of any cost (a linear probability, held to 0 to 1),
     * times the cost of those with any, from least squares on log cost re-transformed to pounds with
     * Duan's smearing factor (Duan 1983, JASA 78:605-610). With no one at zero cost the first part is 1.
     */
    TWO_PART_LOG("two-part log", "two-part: the chance of any cost, times least squares on log cost re-transformed"
            + " with Duan's smearing factor");

    private final String label;
    private final String description;

    ModelForm(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A short name for files and tables. */
    public String label() {
        return label;
    }

    /** What the model is, in words. */
    public String description() {
        return description;
    }
}
