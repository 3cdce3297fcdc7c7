package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "zh-CN | zh-CN",
            "zh | zh-CN",
            "zh-TW,zh;q=0.9 | zh-CN",
            "en-US,en;q=0.9,zh-CN;q=0.8 | en",
            "zh-CN;q=0.5,en;q=0.9 | en",
            "fr-FR,de;q=0.8,zh;q=0.2 | zh-CN",
            "fr-FR,de;q=0.8 | NONE",
            "* | NONE",
            "'' | NONE",
            "zh-CN;q=zwei | NONE"})
    void theFirstLanguageWeSpeakByItsWeight(String header, String expected) {
        assertThat(Languages.fromAcceptLanguage(header).map(Locale::toLanguageTag).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {"en | en", "zh-CN | zh-CN", "zh_cn | zh-CN", "ZH-cn | zh-CN",
            "fr | NONE", "zh | NONE", "'' | NONE"})
    void aStoredTagIsOneOfOursOrNothing(String tag, String expected) {
        assertThat(Languages.of(tag).map(Locale::toLanguageTag).orElse(null)).isEqualTo(expected);
    }
}
