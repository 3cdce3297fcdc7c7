package io.spareflow.notify.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a mail from its Thymeleaf template {@code templates/mail/<locale>/<name>.html}: the {@code <title>} is the
 * subject, the body is the HTML part, and the plain-text part is derived from it. A locale without its own template
 * falls back to English, so a Chinese template can be added as a file, without code.
 */
@Component
class MailRenderer {

    private final ITemplateEngine templates;

    MailRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    RenderedMail render(String name, String locale, Map<String, Object> variables) {
        String language = locale == null || locale.isBlank() ? "en" : locale.trim().toLowerCase(Locale.ROOT);
        if (!new ClassPathResource("templates/mail/" + language + "/" + name + ".html").exists()) {
            language = "en";
        }
        String html = templates.process("mail/" + language + "/" + name, new Context(Locale.forLanguageTag(language), variables));
        String subject = HtmlText.title(html);
        return new RenderedMail(subject.isEmpty() ? name : subject, HtmlText.toText(html), html);
    }
}
