package io.spareflow.notify.internal;

import io.spareflow.notify.CustomerTimeline;
import io.spareflow.rma.SlaStep;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.Locations;
import io.spareflow.rma.CaseView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The variables every case mail template can use, in the site's time zone. */
@Component
class CaseMailContext {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final Customers customers;
    private final Locations locations;
    private final String publicBaseUrl;

    CaseMailContext(Customers customers, Locations locations, @Value("${spareflow.public-base-url}") String publicBaseUrl) {
        this.customers = customers;
        this.locations = locations;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    Map<String, Object> of(CaseView c) {
        Map<String, Object> vars = new HashMap<>();
        SiteInfo site = customers.site(c.siteId()).orElse(null);
        ZoneId zone = site == null ? ZoneId.of("UTC") : site.zone();
        vars.put("case", c);
        vars.put("zone", zone);
        vars.put("siteName", site == null ? "your site" : site.name());
        vars.put("customerName", customers.find(c.customerCode()).map(CustomerInfo::name).orElse(c.customerCode()));
        vars.put("trackingUrl", trackingUrl(c));
        vars.put("surveyUrl", trackingUrl(c) + "#survey");
        vars.put("caseUrl", publicBaseUrl + "/api/cases/" + c.number());
        vars.put("stateText", describe(c));
        // The tracking page's allow-list: internal entries (transfers, diagnosis notes, staff) never leave in a mail.
        List<CustomerTimeline.Step> steps = CustomerTimeline.of(c);
        vars.put("recentTimeline", steps.subList(Math.max(0, steps.size() - 5), steps.size()));
        if (c.spare() != null) {
            vars.put("depotName", c.spare().depotCode() == null ? null
                    : locations.find(c.spare().depotCode()).map(l -> l.name()).orElse(c.spare().depotCode()));
            vars.put("expectedOnSite", format(c.spare().expectedOnSite(), zone));
        }
        c.slaClocks().stream().filter(clock -> clock.step() == SlaStep.DEFECTIVE_RETURN).findFirst()
                .ifPresent(clock -> vars.put("returnDue", format(clock.dueAt(), zone)));
        vars.put("repairOutcome", c.resolution());
        return vars;
    }

    String trackingUrl(CaseView c) {
        return publicBaseUrl + "/track/" + c.trackingToken();
    }

    /** The case state in a customer's words. */
    static String describe(CaseView c) {
        return switch (c.state()) {
            case REPORTED -> "reported, waiting to be accepted by an engineer";
            case DIAGNOSING -> "accepted, remote diagnosis in progress";
            case ON_SITE -> "an engineer is going on site";
            case SPARE_DISPATCH -> "a replacement board is being dispatched";
            case BACKORDERED -> "waiting for a replacement board to come into stock";
            case AWAITING_RETURN -> "waiting for the defective board to come back";
            case IN_REPAIR -> "the defective board is being repaired";
            case RESOLVED -> "resolved, about to be closed";
            case CLOSED -> "closed";
            case CANCELLED -> "cancelled";
        };
    }

    private static String format(Instant at, ZoneId zone) {
        return at == null ? null : WHEN.format(at.atZone(zone));
    }
}
