package io.spareflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpareflowIntegrationTest
class BoardRegistrationTest {

    @Autowired
    Boards boards;

    /** In Turkish, "i".toUpperCase() is "İ": codes must not depend on the language the server runs in. */
    @Test
    void locationCodeAndRevisionAreUpperCasedTheSameWhateverTheServersLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            String serial = "REGTR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            BoardInfo registered = boards.register(new NewBoard(serial, "130103811", " ai ", BoardStatus.QUARANTINE,
                    "xiy", null));

            assertThat(registered.locationCode()).isEqualTo("XIY");
            assertThat(registered.revision()).isEqualTo("AI");
            assertThat(boards.require(serial).locationCode()).isEqualTo("XIY");
        } finally {
            Locale.setDefault(before);
        }
    }
}
