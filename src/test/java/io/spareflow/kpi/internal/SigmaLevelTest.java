package io.spareflow.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The short-term sigma conversion table every Six Sigma text prints (1.5 sigma shift). */
class SigmaLevelTest {

    @ParameterizedTest
    @CsvSource({
            "3.4, 6.0",
            "233, 5.0",
            "6210, 4.0",
            "66807, 3.0",
            "308538, 2.0",
            "500000, 1.5",
            "691462, 1.0"})
    void dpmoConvertsToTheTabulatedSigmaLevel(double dpmo, double sigma) {
        long opportunities = 100_000_000L;
        long defects = Math.round(dpmo * opportunities / 1e6);
        assertThat(SigmaLevel.of(defects, opportunities)).isCloseTo(sigma, within(0.001));
    }

    @Test
    void noOpportunityOrNoDefectHasNoFiniteLevel() {
        assertThat(SigmaLevel.of(0, 0)).isNull();
        assertThat(SigmaLevel.of(0, 120)).isNull();
        assertThat(SigmaLevel.of(120, 120)).isNull();
    }

    @Test
    void inverseNormalIsSymmetricAndMatchesKnownQuantiles() {
        assertThat(SigmaLevel.inverseNormal(0.5)).isCloseTo(0.0, within(1e-12));
        assertThat(SigmaLevel.inverseNormal(0.975)).isCloseTo(1.959963985, within(1e-8));
        assertThat(SigmaLevel.inverseNormal(0.00135)).isCloseTo(-3.0, within(1e-3));
        assertThat(SigmaLevel.inverseNormal(0.01)).isCloseTo(-SigmaLevel.inverseNormal(0.99), within(1e-9));
    }
}
