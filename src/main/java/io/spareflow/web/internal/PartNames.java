package io.spareflow.web.internal;

import io.spareflow.part.Parts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Parts on the pages, in templates as {@code ${@partNames.described(partNumber)}}: the part number, which is the same
 * in every language, with the part's description in the reader's language.
 */
@Component("partNames")
class PartNames {

    private final Parts parts;

    PartNames(Parts parts) {
        this.parts = parts;
    }

    /** "NUMBER · description", the bare number for a part the catalogue does not know. */
    public String described(String partNumber) {
        if (partNumber == null) {
            return "—";
        }
        return parts.find(partNumber)
                .map(p -> partNumber + " · " + p.localDescription().in(LocaleContextHolder.getLocale()))
                .orElse(partNumber);
    }
}
