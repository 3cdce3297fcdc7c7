package io.spareflow.notify.internal;

import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CustomerReturnLabels;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Renders the documents that outbox mail names ({@link MailAttachment}) when the mail is sent. */
@Component
class MailAttachments {

    /** A rendered attachment: its file name, media type and content. */
    record Document(String fileName, String mediaType, byte[] content) {
    }

    private final CustomerReturnLabels returnLabels;
    private final Customers customers;

    MailAttachments(CustomerReturnLabels returnLabels, Customers customers) {
        this.returnLabels = returnLabels;
        this.customers = customers;
    }

    /** Whether this kind of document can be rendered at all (the return label needs the label feature's renderer). */
    boolean available(MailAttachment attachment) {
        return switch (attachment) {
            case RETURN_LABEL_PDF -> returnLabels.available();
        };
    }

    /**
     * The document for the case, in the recipient's language (a contact's; English otherwise), or empty when there is
     * none to attach any more (e.g. the board arrived before the mail went out).
     */
    Optional<Document> render(MailAttachment attachment, String caseNumber, String recipient) {
        return switch (attachment) {
            case RETURN_LABEL_PDF -> returnLabels.pdf(caseNumber, languageOf(recipient))
                    .map(pdf -> new Document("return-label-" + caseNumber + ".pdf", "application/pdf", pdf));
        };
    }

    private Locale languageOf(String recipient) {
        return customers.contactsByEmail(recipient).stream().findFirst().map(ContactInfo::language).orElse(Locale.ENGLISH);
    }
}
