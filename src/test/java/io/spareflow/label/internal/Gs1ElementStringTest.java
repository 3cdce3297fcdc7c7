package io.spareflow.label.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No label may print an element string a GS1 validator refuses: the encoder refuses it first. */
class Gs1ElementStringTest {

    private static final String GTIN = "09524000000019";

    @Test
    void noSeparatorAfterTheFixedLengthGtinOneAfterEachVariableFieldButTheLast() {
        assertThat(Gs1ElementString.encode(fields("01", GTIN, "21", "SZ2114000417", "240", "130103811")))
                .isEqualTo("01" + GTIN + "21SZ2114000417\u001D240130103811");
        assertThat(Gs1ElementString.encode(fields("01", GTIN, "400", "RMA-2026-000123")))
                .isEqualTo("01" + GTIN + "400RMA-2026-000123");
    }

    @Test
    void aSerialOverTwentyCharactersIsRefused() {
        assertThatThrownBy(() -> Gs1ElementString.encode(fields("01", GTIN, "21", "S".repeat(21))))
                .hasMessageContaining("(21) takes 1 to 20 characters");
        assertThat(Gs1ElementString.problem("21", "S".repeat(20))).isNull();
    }

    @Test
    void aSerialOrPartNumberWithoutAGtinIsRefused() {
        assertThatThrownBy(() -> Gs1ElementString.encode(fields("240", "130103811", "21", "SZ2114000417")))
                .hasMessageContaining("need a (01) GTIN");
    }

    @Test
    void aBadCheckDigitOrCharacterOutsideGs1sSetIsRefused() {
        assertThatThrownBy(() -> Gs1ElementString.encode(fields("01", "09524000000010", "21", "SZ1")))
                .hasMessageContaining("check digit");
        assertThat(Gs1ElementString.problem("21", "SZ 211")).contains("character set");
        assertThat(Gs1ElementString.problem("21", "SZ#211")).contains("character set");
        assertThat(Gs1ElementString.problem("7022", "B")).contains("not an Application Identifier labels print");
    }

    private static Map<String, String> fields(String... aiValuePairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < aiValuePairs.length; i += 2) {
            fields.put(aiValuePairs[i], aiValuePairs[i + 1]);
        }
        return fields;
    }
}
