package io.spareflow.notify;

import io.spareflow.common.CaseNumber;
import io.spareflow.label.ReturnLabels;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.TimelineKind;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The return label as the customer downloads it (tracking page, portal): offered while the defective board is to be
 * sent back — from the spare's shipment (advance exchange) or the return request (repair and return) until the board
 * is received — and only when a return-label renderer is present.
 */
@Service
public class ReturnLabelDownloads {

    private final ObjectProvider<ReturnLabels> labels;

    ReturnLabelDownloads(ObjectProvider<ReturnLabels> labels) {
        this.labels = labels;
    }

    public boolean offered(CaseView c) {
        return labels.getIfAvailable() != null && c.state() != CaseState.CLOSED
                && c.timeline().stream().anyMatch(e -> e.kind() == TimelineKind.SPARE_SHIPPED || e.kind() == TimelineKind.RETURN_EXPECTED)
                && c.timeline().stream().noneMatch(e -> e.kind() == TimelineKind.DEFECTIVE_RECEIVED);
    }

    /** The PDF, when it is offered for this case. */
    public Optional<byte[]> pdf(CaseView c) {
        return offered(c) ? labels.getObject().pdf(CaseNumber.parse(c.number())) : Optional.empty();
    }
}
