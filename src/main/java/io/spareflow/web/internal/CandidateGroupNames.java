package io.spareflow.web.internal;

import io.spareflow.common.ProcessVariables;
import io.spareflow.part.ProductLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whom a task is open to, in templates as {@code ${@candidateGroupNames.joined(task.candidateGroups())}}: a role by
 * its name, {@code certified:<line>} as "certified for" the product line's name in the reader's language.
 */
@Component("candidateGroupNames")
class CandidateGroupNames {

    private final MessageSource messages;

    CandidateGroupNames(MessageSource messages) {
        this.messages = messages;
    }

    public String joined(List<String> groups) {
        Locale locale = LocaleContextHolder.getLocale();
        return groups.stream().map(group -> name(group, locale)).collect(Collectors.joining(", "));
    }

    private String name(String group, Locale locale) {
        if (group.startsWith(ProcessVariables.CERTIFIED_GROUP_PREFIX)) {
            String line = group.substring(ProcessVariables.CERTIFIED_GROUP_PREFIX.length());
            return productLine(line)
                    .map(l -> messages.getMessage("pages.tasks.certifiedFor", new Object[] {l.localName().in(locale)}, locale))
                    .orElse(group);
        }
        return messages.getMessage("pages.role." + group, null, group, locale);
    }

    private static Optional<ProductLine> productLine(String name) {
        try {
            return Optional.of(ProductLine.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
