package io.spareflow.notify.internal;

import io.spareflow.common.CaseNumber;
import io.spareflow.label.ReturnLabels;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Renders the documents that outbox mail names ({@link MailAttachment}) when the mail is sent. */
@Component
class MailAttachments {

    /** A rendered attachment: its file name, media type and content. */
    record Document(String fileName, String mediaType, byte[] content) {
    }

    private final ObjectProvider<ReturnLabels> returnLabels;

    MailAttachments(ObjectProvider<ReturnLabels> returnLabels) {
        this.returnLabels = returnLabels;
    }

    /** Whether this kind of document can be rendered at all (the return label needs the label feature's renderer). */
    boolean available(MailAttachment attachment) {
        return switch (attachment) {
            case RETURN_LABEL_PDF -> returnLabels.getIfAvailable() != null;
        };
    }

    /** The document for the case, or empty when there is none to attach (e.g. the case expects no board back). */
    Optional<Document> render(MailAttachment attachment, String caseNumber) {
        return switch (attachment) {
            case RETURN_LABEL_PDF -> Optional.ofNullable(returnLabels.getIfAvailable())
                    .flatMap(labels -> labels.pdf(CaseNumber.parse(caseNumber)))
                    .map(pdf -> new Document("return-label-" + caseNumber + ".pdf", "application/pdf", pdf));
        };
    }
}
