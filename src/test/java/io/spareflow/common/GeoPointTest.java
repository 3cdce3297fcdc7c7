package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void greatCircleDistancesOfKnownCityPairs() {
        GeoPoint chengdu = new GeoPoint(30.5728, 104.0668);
        GeoPoint beijing = new GeoPoint(39.9042, 116.4074);
        GeoPoint quito = new GeoPoint(-0.1807, -78.4678);
        GeoPoint guayaquil = new GeoPoint(-2.1710, -79.9224);
        assertThat(chengdu.distanceKmTo(beijing)).isCloseTo(1517, within(15.0));
        assertThat(quito.distanceKmTo(guayaquil)).isCloseTo(270, within(10.0));
        assertThat(chengdu.distanceKmTo(chengdu)).isZero();
    }

    @Test
    void refusesCoordinatesOffTheEarth() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoPoint(0, 181)).hasMessageContaining("longitude");
    }
}
