package io.spareflow.scan.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/** What to do with a board after a scan, in the words of the person holding it. The one place these words live. */
@Component
public class NextStep {

    private final Locations locations;

    NextStep(Locations locations) {
        this.locations = locations;
    }

    /** {@code board} as the scan left it, at {@code location} (where it was scanned); {@code caseNumber} if known. */
    public String after(BoardInfo board, LocationInfo location, String caseNumber, String trackingNumber) {
        String forCase = caseNumber == null ? "" : ", case " + caseNumber;
        return switch (board.status()) {
            case RECEIVED -> "Put on shelf, then scan PUTAWAY";
            case AVAILABLE -> "On the shelf: available as a spare. Nothing more to do";
            case RESERVED -> "Reserved" + forCase + ": wait for the pick list";
            case PICKED -> "Pack it" + forCase + ", then scan PACK";
            case PACKED -> "Hand to the carrier: scan SHIP with the tracking number" + forCase;
            case IN_TRANSIT -> "On its way" + (trackingNumber == null ? "" : ", tracking " + trackingNumber) + forCase;
            case INSTALLED -> "Installed at the customer's site" + forCase + ". The faulty board is due back";
            case DEFECTIVE_IN_TRANSIT -> "On its way to repair"
                    + (trackingNumber == null ? "" : ", tracking " + trackingNumber) + forCase;
            case DEFECTIVE_RECEIVED -> location.type() == LocationType.REPAIR_CENTER
                    ? "Take in for repair: scan REPAIR_INTAKE" + forCase
                    : "Ship to " + nearestRepairCenter(location) + forCase + ": pack it as defective and scan SHIP";
            case IN_REPAIR -> "Diagnose and repair" + forCase + "; after the test scan REPAIR_RESULT (REPAIRED or NFF),"
                    + " or SCRAP";
            case REPAIRED, NFF -> "Pack for return to stock" + forCase + ", then scan PACK";
            case SCRAPPED -> "Put in the scrap bin";
            case QUARANTINE -> "Put in the quarantine cage: a supervisor decides what happens to it";
        };
    }

    private String nearestRepairCenter(LocationInfo from) {
        return locations.ofType(LocationType.REPAIR_CENTER).stream()
                .min(Comparator.comparingDouble(center -> center.point().distanceKmTo(from.point())))
                .map(LocationInfo::code).orElse("a repair center");
    }
}
