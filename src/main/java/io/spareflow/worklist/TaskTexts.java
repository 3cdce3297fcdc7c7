package io.spareflow.worklist;

import io.spareflow.common.Languages;
import java.util.Locale;

/**
 * A stand-alone task (one no BPMN step declares, such as a supervisor's escalation) has no step whose name the bundles
 * give: its creator words its name and description in every supported language into these task-local variables, and
 * the worklist shows a reader the ones in their language (the engine's own name and description otherwise).
 */
public final class TaskTexts {

    private TaskTexts() {
    }

    /** The variable of the name for a reader of {@code language} (a language we do not speak reads English). */
    public static String nameVariable(Locale language) {
        return "name_" + spoken(language);
    }

    public static String descriptionVariable(Locale language) {
        return "description_" + spoken(language);
    }

    private static String spoken(Locale language) {
        return Languages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(language.getLanguage())).findFirst()
                .orElse(Languages.ENGLISH).toLanguageTag();
    }
}
