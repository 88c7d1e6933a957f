package org.almoner.engine.capitation;

/**
 * One band of a log-cost model's predictions with its own smearing factor: the mean of exp(residual)
 * of the people whose log prediction falls in the band. One band covering everything is Duan's
 * factor; several let the spread of log cost differ between cheap and dear people (the
 * retransformation under heteroscedasticity, Manning 1998, Journal of Health Economics 17:283-295).
 *
 * @param upToLogPrediction the band holds log predictions up to and including this; infinite for the last
 * @param people people with any cost in the band when it was fitted
 * @param factor the band's smearing factor, positive
 */
public record SmearingBand(double upToLogPrediction, int people, double factor) {

    public SmearingBand {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a smearing factor must be positive, got " + factor);
        }
    }

    /** The one band of a model that needs no smearing (the linear model). */
    static final SmearingBand NONE = new SmearingBand(Double.POSITIVE_INFINITY, 0, 1);
}
