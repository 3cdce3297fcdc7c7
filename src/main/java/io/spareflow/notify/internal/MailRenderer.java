package io.spareflow.notify.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a mail from its Thymeleaf template {@code templates/mail/<locale>/<name>.html}: the {@code <title>} is the
 * subject, the body is the HTML part, and the plain-text part is derived from it. The templates under {@code en} take
 * every text from the message bundles (i18n/mail), so they serve every language; a locale's own folder
 * ({@code zh-cn}, {@code zh}) would override one where a language needs another layout.
 */
@Component
class MailRenderer {

    private final ITemplateEngine templates;

    MailRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    RenderedMail render(String name, Locale locale, Map<String, Object> variables) {
        Locale reader = locale == null ? Locale.ENGLISH : locale;
        String folder = reader.toLanguageTag().toLowerCase(Locale.ROOT);
        if (!exists(folder, name)) {
            folder = exists(reader.getLanguage(), name) ? reader.getLanguage() : "en";
        }
        // The recipient's locale, not the template's folder: a template whose texts come from the message bundles
        // (#{...}) speaks the recipient's language from the one English file.
        return renderIn("mail/" + folder + "/" + name, reader, variables);
    }

    private static boolean exists(String folder, String name) {
        return new ClassPathResource("templates/mail/" + folder + "/" + name + ".html").exists();
    }

    /**
     * Renders the template at {@code path} (under {@code templates/}) in {@code locale}: for templates whose every
     * text is a message key, so one template serves every language.
     */
    RenderedMail renderIn(String path, Locale locale, Map<String, Object> variables) {
        String html = templates.process(path, new Context(locale, variables));
        String subject = HtmlText.title(html);
        return new RenderedMail(subject.isEmpty() ? path.substring(path.lastIndexOf('/') + 1) : subject,
                HtmlText.toText(html), html);
    }
}
