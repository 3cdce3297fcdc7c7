package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the page crawl's check takes for a word of the wrong language, and what it lets through. */
class ForeignWordsTest {

    private final ForeignWords words = new ForeignWords(List.of("Chengdu Tianfu core data center", "Li Wei", "屏幕无显示", "Abidjan",
            "Jollyday holiday library (de.focus-shift:jollyday-core), public holidays of AE 2026"),
            Set.of("SUPERVISOR"));

    @Test
    void anEnglishWordOnAChinesePageIsFound() {
        assertThat(words.englishIn("工单 RMA-2026-000123 · Waiting for pick")).containsExactly("Waiting", "for", "pick");
        assertThat(words.englishIn("李伟 · SUPERVISOR")).as("a code the pages show by name").containsExactly("SUPERVISOR");
    }

    @Test
    void codesNumbersUnitsProductNamesAndDataAreLetThrough() {
        assertThat(words.englishIn("成都备件中心 (CTU) · 130103811 · CDMA2000 基站信道处理板 CHM2（1X/EV-DO）")).isEmpty();
        assertThat(words.englishIn("LTE 射频拉远单元 RRU 2x40W 1800 MHz · UMTS NodeB · 12.5 km")).isEmpty();
        assertThat(words.englishIn("站点 Chengdu Tianfu core data center，负责人 Li Wei <li.wei@spareflow.local>")).isEmpty();
        assertThat(words.englishIn("时区 Asia/Shanghai，见 docs/operations.md；Spareflow · English")).isEmpty();
        assertThat(words.englishIn("Abidjan, CI Africa/Abidjan")).as("a city taken out leaves its zone whole").isEmpty();
        assertThat(words.englishIn("来源：Jollyday holiday library (de.focus-shift:jollyday-core), public holidays of AE 2026"))
                .as("data with a dotted name in it").isEmpty();
        assertThat(words.englishIn("Li Weiss 受理")).as("data only where it stands alone").containsExactly("Li", "Weiss");
    }

    @Test
    void chineseOnAnEnglishPageIsFoundUnlessItIsDataOrTheLanguageSwitch() {
        assertThat(words.chineseIn("Case RMA-2026-000123 · 等待拣货")).containsExactly("等待拣货");
        assertThat(words.chineseIn("Symptom: 屏幕无显示 · 中文 · English")).isEmpty();
    }
}
