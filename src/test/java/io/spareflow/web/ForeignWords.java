package io.spareflow.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds words of the wrong language in a page's visible text: English words on a Chinese page, Chinese characters on
 * an English page. Texts that are data (a person's name, a symptom as typed, a name that has no form in the reader's
 * language) are taken out first; what stays must come from the bundles, so a word of the other language is a miss.
 */
final class ForeignWords {

    /**
     * Latin words that are right on a Chinese page, each for a reason. Anything with a digit (codes, case numbers,
     * serials, part numbers, dates), an e-mail address or link, a path or time-zone id, and an all-capital word
     * (location, tier and scan codes, technical abbreviations such as CDMA, GSM, OLT — but not a code the pages show
     * by name, like a role) are let through by their form instead.
     */
    static final Map<String, String> LATIN_ON_CHINESE_PAGES = Map.ofEntries(
            Map.entry("Spareflow", "the product's name"),
            Map.entry("English", "the language switch names English in English, for its readers"),
            Map.entry("MHz", "a unit in part names"),
            Map.entry("NodeB", "a product name in part names (UMTS NodeB)"),
            Map.entry("eNodeB", "a product name in part names (LTE eNodeB)"),
            Map.entry("km", "the unit of distances"),
            Map.entry("Swagger", "the name of the API documentation tool the start page links to"),
            Map.entry("OpenAPI", "the name of the API description standard"),
            Map.entry("Camunda", "the name of the process engine whose web apps the administrator opens"),
            Map.entry("Cockpit", "the name of Camunda's monitoring web app"),
            Map.entry("Tasklist", "the name of Camunda's task web app"));

    /**
     * Chinese that is right on an English page: the language switch names Chinese in Chinese, for its readers; the
     * calendar help names China's swapped working days by their Chinese term, 调休, as the announcements do.
     */
    static final Set<String> CHINESE_ON_ENGLISH_PAGES = Set.of("中文", "调休");

    private static final Pattern MAIL_OR_LINK = Pattern.compile("[\\w.+-]+@[\\w.-]+|https?://\\S+");
    private static final Pattern LATIN_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_'./+-]*");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{2,}");
    /** A path, a time-zone id or a dotted name (docs/operations.md, Asia/Shanghai): names, not words. */
    private static final Pattern PATH = Pattern.compile("\\w[\\w-]*([/.]\\w[\\w-]*)+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    private final List<String> data;
    private final Set<String> codesWithNames;

    /**
     * @param data           texts shown as they were entered (longest taken out first, so a name inside another stays whole)
     * @param codesWithNames all-capital codes the pages must show by name instead (roles, states …)
     */
    ForeignWords(Iterable<String> data, Set<String> codesWithNames) {
        List<String> texts = new ArrayList<>();
        data.forEach(t -> {
            if (t != null && !t.isBlank()) {
                texts.add(t.strip());
            }
        });
        texts.sort(Comparator.comparingInt(String::length).reversed());
        this.data = texts;
        this.codesWithNames = codesWithNames;
    }

    /** The English words in the visible text of a Chinese page. */
    List<String> englishIn(String visibleText) {
        String text = PATH.matcher(MAIL_OR_LINK.matcher(withoutData(visibleText)).replaceAll(" ")).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher token = LATIN_TOKEN.matcher(text);
        while (token.find()) {
            String word = token.group().replaceAll("[.'/+-]+$", "");
            if (isEnglish(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** The runs of Chinese characters in the visible text of an English page. */
    List<String> chineseIn(String visibleText) {
        List<String> found = new ArrayList<>();
        Matcher han = HAN.matcher(withoutData(visibleText));
        while (han.find()) {
            if (!CHINESE_ON_ENGLISH_PAGES.contains(han.group())) {
                found.add(han.group());
            }
        }
        return found;
    }

    private boolean isEnglish(String word) {
        if (word.chars().anyMatch(Character::isDigit) || !LETTERS.matcher(word).find()) {
            return false;
        }
        if (word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
            return codesWithNames.contains(word);
        }
        return !LATIN_ON_CHINESE_PAGES.containsKey(word);
    }

    /**
     * The text without the data, each taken out where it stands alone: not where it is part of a path or a longer
     * name, so that a city does not break its time zone ("Africa/Abidjan") into a word.
     */
    private String withoutData(String visibleText) {
        StringBuilder text = new StringBuilder(visibleText);
        for (String entered : data) {
            int at = text.indexOf(entered);
            while (at >= 0) {
                int end = at + entered.length();
                if (standsAlone(text, at - 1) && standsAlone(text, end)) {
                    text.replace(at, end, " ");
                    at = text.indexOf(entered, at + 1);
                } else {
                    at = text.indexOf(entered, end);
                }
            }
        }
        return text.toString();
    }

    private static boolean standsAlone(CharSequence text, int beside) {
        if (beside < 0 || beside >= text.length()) {
            return true;
        }
        char c = text.charAt(beside);
        return !(c == '/' || c == '.' || c == '_' || (c < 128 && Character.isLetterOrDigit(c)));
    }
}
