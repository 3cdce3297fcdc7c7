package io.spareflow.kpi.internal;

/**
 * A c-chart with probability limits for case arrivals: the arrivals of one series in an aggregation interval are
 * compared with the Poisson distribution of its baseline mean (the mean of the previous complete intervals). The upper
 * limit is the smallest count whose exceedance probability is at most the one-sided tail of a 3-sigma normal limit
 * (0.135 %), which a c̄ + 3√c̄ limit only approximates, badly for the small means of quiet series.
 * <p>
 * Counts only grow during an interval, so comparing the interval so far with the limit raises an alarm as soon as it
 * is certain, with no more false alarms than comparing complete intervals. An alert stays open while the interval
 * before the current one was out of control too, and closes after a complete interval back under its limit.
 */
final class ArrivalControl {

    /** The one-sided tail probability of a 3-sigma limit: 1 − Φ(3). */
    static final double THREE_SIGMA_TAIL = 0.0013499;
    private static final double LARGE_MEAN = 500;

    /**
     * @param baselineIntervals complete intervals the baseline mean is taken over
     * @param minimumMean a floor for the baseline mean, so one case in a series quiet so far raises no alarm
     */
    record Settings(int baselineIntervals, double minimumMean) {
        Settings {
            if (baselineIntervals < 2 || minimumMean <= 0) {
                throw new IllegalArgumentException("a baseline needs at least 2 intervals and a positive minimum mean");
            }
        }
    }

    /** Where a series stands now: the interval so far against its limit, and whether the last complete one was above. */
    record Assessment(int observed, double baseline, int upperLimit, boolean above, boolean lastCompleteAbove) {
    }

    enum Change { OPEN, KEEP, CLOSE, NONE }

    private final Settings settings;

    ArrivalControl(Settings settings) {
        this.settings = settings;
    }

    int intervalsNeeded() {
        return settings.baselineIntervals() + 1;
    }

    /**
     * @param complete arrivals of the last {@link #intervalsNeeded()} complete intervals, oldest first
     * @param current arrivals of the current interval so far
     */
    Assessment assess(long[] complete, int current) {
        if (complete.length != intervalsNeeded()) {
            throw new IllegalArgumentException("expected " + intervalsNeeded() + " complete intervals, got " + complete.length);
        }
        int n = settings.baselineIntervals();
        double baseline = mean(complete, 1, n + 1);
        int limit = upperLimit(Math.max(baseline, settings.minimumMean()));
        int lastLimit = upperLimit(Math.max(mean(complete, 0, n), settings.minimumMean()));
        return new Assessment(current, baseline, limit, current > limit, complete[n] > lastLimit);
    }

    static Change change(Assessment assessment, boolean open) {
        if (assessment.above()) {
            return open ? Change.KEEP : Change.OPEN;
        }
        if (open) {
            return assessment.lastCompleteAbove() ? Change.KEEP : Change.CLOSE;
        }
        return Change.NONE;
    }

    /** The smallest k with P(X > k) ≤ 0.135 % for X ~ Poisson(mean). */
    static int upperLimit(double mean) {
        if (mean > LARGE_MEAN) {
            // e^-mean underflows; the Poisson is as good as normal there
            return (int) Math.floor(mean + 3 * Math.sqrt(mean));
        }
        double term = Math.exp(-mean);
        double cumulative = term;
        int k = 0;
        while (1 - cumulative > THREE_SIGMA_TAIL) {
            k++;
            term *= mean / k;
            cumulative += term;
        }
        return k;
    }

    private static double mean(long[] counts, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i];
        }
        return (double) sum / (to - from);
    }
}
