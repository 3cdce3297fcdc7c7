package io.spareflow.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.EscalationLevel;
import io.spareflow.rma.SlaStep;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** A step, level or milestone added later needs its words in both languages and its mail template. */
class MailTextsTest {

    @Test
    void everyEscalatedStepAndLevelHasItsNameInEnglishAndChinese() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle mail = ResourceBundle.getBundle("i18n/mail", locale);
            Stream.concat(Stream.of(SlaStep.values()).map(step -> "mail.step." + step),
                    Stream.of(EscalationLevel.values()).map(level -> "mail.level." + level))
                    .forEach(key -> assertThat(mail.containsKey(key)).as("%s in %s", key, locale).isTrue());
        }
    }

    @Test
    void everyMilestoneHasAMailTemplate() {
        for (CaseMilestone milestone : CaseMilestone.values()) {
            String path = "templates/mail/en/" + CaseMailer.templateOf(milestone) + ".html";
            assertThat(new ClassPathResource(path).exists()).as(path).isTrue();
        }
    }
}
