package io.spareflow.label;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.label.internal.Gs1ElementString;
import io.spareflow.label.internal.LabelPrinter;
import io.spareflow.label.internal.LabelTexts;
import io.spareflow.location.LocationInfo;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.training.RepairRouting;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The return label of a case's defective board (4 x 6 in, template {@code labels/return-4x6}): ship to the repair
 * center that will take it, from the customer's site, the case number in words and as Code 128, the expected board in
 * words, and a GS1 DataMatrix {@code (01)GTIN (21)serial (400)case number} that binds the box to its case when the
 * repair center scans it at DEFECTIVE_RECEIVE. A serial over 20 characters cannot be GS1 (21): the DataMatrix then
 * carries (01) and (400) only, and the label says so.
 *
 * <p>The public API for mail attachments and downloads: case number in, label bytes out.
 */
@Service
public class ReturnLabels {

    private static final String TEMPLATE = "return-4x6";
    /** Once the defective board has arrived (or the case is over) there is nothing to send back. */
    private static final Set<CaseState> NO_RETURN = EnumSet.of(CaseState.IN_REPAIR, CaseState.RESOLVED, CaseState.CLOSED,
            CaseState.CANCELLED);

    private final Cases cases;
    private final Customers customers;
    private final Parts parts;
    private final RepairRouting routing;
    private final LabelPrinter printer;
    private final LabelTexts texts;

    ReturnLabels(Cases cases, Customers customers, Parts parts, RepairRouting routing, LabelPrinter printer,
                 LabelTexts texts) {
        this.cases = cases;
        this.customers = customers;
        this.parts = parts;
        this.routing = routing;
        this.printer = printer;
        this.texts = texts;
    }

    /** The return label as a PDF page of 4 x 6 in, in the language of the current request. */
    public byte[] pdf(String caseNumber) {
        return print(caseNumber, LabelFormat.PDF);
    }

    /** The return label as a PDF page of 4 x 6 in, in {@code locale} (e.g. the customer contact's, for a mail). */
    public byte[] pdf(String caseNumber, Locale locale) {
        return printer.print(TEMPLATE, values(caseNumber, locale), LabelFormat.PDF);
    }

    /** The return label in any format; PNG and PDF in the language of the current request, ZPL in English. */
    public byte[] print(String caseNumber, LabelFormat format) {
        return printer.print(TEMPLATE, values(caseNumber, LabelTexts.locale(format)), format);
    }

    private Map<String, String> values(String caseNumber, Locale locale) {
        CaseView view = cases.find(caseNumber).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.case"), caseNumber));
        if (NO_RETURN.contains(view.state())) {
            throw new ConflictException(Message.of("labels.return.notExpected", view.number(), view.state()));
        }
        PartInfo part = parts.require(view.partNumber());
        SiteInfo site = customers.requireSite(view.siteId());
        CustomerInfo customer = customers.require(view.customerCode());
        LocationInfo center = routing.routeFor(part.productLine(), site.point()).repairCenter();
        boolean gs1Serial = Gs1ElementString.problem("21", view.faultySerial()) == null;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", texts.text("labels.return.title", locale));
        values.put("toHeading", texts.text("labels.return.to", locale));
        values.put("toName", center.localName().in(locale));
        values.put("toCode", center.code());
        values.put("toCity", center.localCity().in(locale));
        values.put("toCountry", center.country());
        values.put("fromHeading", texts.text("labels.return.from", locale));
        values.put("fromCustomer", customer.name());
        values.put("fromSite", site.localName().in(locale));
        values.put("fromCity", site.localCity().in(locale));
        values.put("fromCountry", site.country());
        values.put("caseHeading", texts.text("labels.return.case", locale));
        values.put("caseNumber", view.number());
        values.put("expected", texts.text("labels.return.expected", locale, view.faultySerial(), part.partNumber(),
                part.revision()));
        values.put("gtin", part.gtin());
        values.put("serial", view.faultySerial());
        values.put("gs1", Boolean.toString(gs1Serial));
        values.put("scanHint", gs1Serial ? texts.text("labels.return.scanHint", locale)
                : texts.text("labels.return.noGs1Serial", locale, Gs1ElementString.MAX_SERIAL_LENGTH));
        return values;
    }
}
