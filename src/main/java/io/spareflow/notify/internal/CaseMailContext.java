package io.spareflow.notify.internal;

import io.spareflow.common.ReaderTime;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.Locations;
import io.spareflow.notify.CustomerTimeline;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.SlaStep;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The variables every case mail template can use, in the reader's language; times in the site's time zone for
 * customers, or in {@code zone} when the reader is staff.
 */
@Component
class CaseMailContext {

    /** One line of the customer timeline, its time and text already in the reader's zone and language. */
    record TimelineLine(String at, String text) {
    }

    private final Customers customers;
    private final Locations locations;
    private final MessageSource messages;
    private final ReaderTime time;
    private final String publicBaseUrl;

    CaseMailContext(Customers customers, Locations locations, MessageSource messages, ReaderTime time,
                    @Value("${spareflow.public-base-url}") String publicBaseUrl) {
        this.customers = customers;
        this.locations = locations;
        this.messages = messages;
        this.time = time;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** For a customer's contact: times in the site's zone. */
    Map<String, Object> of(CaseView c, Locale locale) {
        return of(c, locale, null);
    }

    /** For a reader in {@code readerZone} (staff), or in the site's zone when it is null. */
    Map<String, Object> of(CaseView c, Locale locale, ZoneId readerZone) {
        Map<String, Object> vars = new HashMap<>();
        SiteInfo site = customers.site(c.siteId()).orElse(null);
        ZoneId zone = readerZone != null ? readerZone : site == null ? ZoneId.of("UTC") : site.zone();
        vars.put("case", c);
        vars.put("zone", zone);
        vars.put("siteName", site == null ? messages.getMessage("mail.yourSite", null, locale) : site.localName().in(locale));
        vars.put("customerName", customers.find(c.customerCode()).map(CustomerInfo::name).orElse(c.customerCode()));
        vars.put("trackingUrl", trackingUrl(c));
        vars.put("surveyUrl", trackingUrl(c) + "#survey");
        vars.put("caseUrl", publicBaseUrl + "/api/cases/" + c.number());
        vars.put("stateText", messages.getMessage("portal.state." + c.state(), null, locale));
        // The tracking page's allow-list: internal entries (transfers, diagnosis notes, staff) never leave in a mail.
        List<CustomerTimeline.Step> steps = CustomerTimeline.of(c);
        vars.put("recentTimeline", steps.subList(Math.max(0, steps.size() - 5), steps.size()).stream()
                .map(step -> new TimelineLine(time.format(step.at(), zone, locale), CustomerTimeline.text(step, messages, locale)))
                .toList());
        if (c.spare() != null) {
            vars.put("depotName", c.spare().depotCode() == null ? null
                    : locations.find(c.spare().depotCode()).map(l -> l.localName().in(locale)).orElse(c.spare().depotCode()));
            vars.put("expectedOnSite", time.format(c.spare().expectedOnSite(), zone, locale));
        }
        c.slaClocks().stream().filter(clock -> clock.step() == SlaStep.DEFECTIVE_RETURN).findFirst()
                .ifPresent(clock -> vars.put("returnDue", time.format(clock.dueAt(), zone, locale)));
        vars.put("repairOutcome", c.resolution());
        return vars;
    }

    String trackingUrl(CaseView c) {
        return publicBaseUrl + "/track/" + c.trackingToken();
    }
}
