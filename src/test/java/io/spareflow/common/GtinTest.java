package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void theCheckDigitIsGs1Mod10() {
        // 4006381333931: the EAN-13 printed on a well-known highlighter, often used as the textbook example.
        assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Gtin.isValid("04006381333931")).isTrue();
        assertThat(Gtin.isValid("04006381333932")).isFalse();
        assertThat(Gtin.isValid("4006381333931")).as("13 digits").isFalse();
    }

    @Test
    void aGtinIsIndicatorPrefixItemReferenceAndCheckDigit() {
        String gtin = Gtin.of("9524000", 26);

        assertThat(gtin).hasSize(14).startsWith("0952400000026");
        assertThat(Gtin.isValid(gtin)).isTrue();
        assertThat(Gtin.of("952400000001", 0)).as("a 12-digit prefix leaves no item reference").hasSize(14);
    }

    @Test
    void aPrefixOrItemReferenceThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> Gtin.of("95240", 1)).hasMessageContaining("6 to 12 digits");
        assertThatThrownBy(() -> Gtin.of("9524000", 100_000)).hasMessageContaining("does not fit the 5 digits");
        assertThatThrownBy(() -> Gtin.of("952400000001", 1)).hasMessageContaining("does not fit the 0 digits");
    }
}
