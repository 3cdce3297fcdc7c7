package io.spareflow.notify;

import io.spareflow.common.ConflictException;
import io.spareflow.common.NotFoundException;
import io.spareflow.label.ReturnLabels;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.TimelineKind;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The return label as the customer gets it: attached to mail, downloaded from the tracking page and the portal. It
 * is offered while the defective board is to be sent back — from the spare's shipment (advance exchange) or the
 * return request (repair and return) until the board is received — and only when a return-label renderer
 * ({@link ReturnLabels}) is present.
 */
@Service
public class CustomerReturnLabels {

    private final ObjectProvider<ReturnLabels> labels;

    CustomerReturnLabels(ObjectProvider<ReturnLabels> labels) {
        this.labels = labels;
    }

    /** Whether return labels can be rendered at all. */
    public boolean available() {
        return labels.getIfAvailable() != null;
    }

    public boolean offered(CaseView c) {
        return available() && !c.state().isTerminal()
                && c.timeline().stream().anyMatch(e -> e.kind() == TimelineKind.SPARE_SHIPPED || e.kind() == TimelineKind.RETURN_EXPECTED)
                && c.timeline().stream().noneMatch(e -> e.kind() == TimelineKind.DEFECTIVE_RECEIVED);
    }

    /** The PDF in the language of the current request, when it is offered for this case. */
    public Optional<byte[]> pdf(CaseView c) {
        return offered(c) ? pdf(c.number(), LocaleContextHolder.getLocale()) : Optional.empty();
    }

    /** The PDF in {@code locale}; empty without a renderer or when the case expects no board back (any more). */
    public Optional<byte[]> pdf(String caseNumber, Locale locale) {
        ReturnLabels renderer = labels.getIfAvailable();
        if (renderer == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(renderer.pdf(caseNumber, locale));
        } catch (NotFoundException | ConflictException noLabel) {
            return Optional.empty();
        }
    }
}
