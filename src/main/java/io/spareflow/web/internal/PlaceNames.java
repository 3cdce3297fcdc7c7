package io.spareflow.web.internal;

import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Locations on the pages, in templates as {@code ${@places.named(code)}}: the name in the reader's language (the
 * Chinese one for a Chinese reader of a domestic location) with its code, which stays the same in every language.
 */
@Component("places")
class PlaceNames {

    private final Locations locations;

    PlaceNames(Locations locations) {
        this.locations = locations;
    }

    /** "name (CODE)", the bare code for a code the network does not know, a dash for none. */
    public String named(String code) {
        if (code == null) {
            return "—";
        }
        return locations.find(code).map(l -> l.localName().in(LocaleContextHolder.getLocale()) + " (" + code + ")")
                .orElse(code);
    }

    /** The city of a location in the reader's language; {@code otherwise} for a code the network does not know. */
    public String city(String code, String otherwise) {
        return locations.find(code).map(LocationInfo::localCity).map(c -> c.in(LocaleContextHolder.getLocale()))
                .orElse(otherwise);
    }
}
