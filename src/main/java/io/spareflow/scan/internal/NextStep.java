package io.spareflow.scan.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.common.Texts;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * What to do with a board after a scan, in the words of the person holding it, in the language of the request
 * (message keys {@code scan.next.*}). The one place these words are chosen.
 */
@Component
public class NextStep {

    private final Locations locations;
    private final Texts texts;

    NextStep(Locations locations, Texts texts) {
        this.locations = locations;
        this.texts = texts;
    }

    /** {@code board} as the scan left it, at {@code location} (where it was scanned); {@code caseNumber} if known. */
    public String after(BoardInfo board, LocationInfo location, String caseNumber, String trackingNumber) {
        String forCase = caseNumber == null ? "" : texts.get("scan.next.forCase", caseNumber);
        String tracking = trackingNumber == null ? "" : texts.get("scan.next.tracking", trackingNumber);
        return switch (board.status()) {
            case RECEIVED -> texts.get("scan.next.received");
            case AVAILABLE -> texts.get("scan.next.available");
            case RESERVED -> texts.get("scan.next.reserved", forCase);
            case PICKED -> texts.get("scan.next.picked", forCase);
            case PACKED -> texts.get("scan.next.packed", forCase);
            case IN_TRANSIT -> texts.get("scan.next.inTransit", tracking, forCase);
            case INSTALLED -> texts.get("scan.next.installed", forCase);
            case DEFECTIVE_IN_TRANSIT -> texts.get("scan.next.defectiveInTransit", tracking, forCase);
            case DEFECTIVE_RECEIVED -> location.type() == LocationType.REPAIR_CENTER
                    ? texts.get("scan.next.repairIntake", forCase)
                    : texts.get("scan.next.shipToRepair", nearestRepairCenter(location), forCase);
            case IN_REPAIR -> texts.get("scan.next.inRepair", forCase);
            case REPAIRED, NFF -> texts.get("scan.next.repaired", forCase);
            case SCRAPPED -> texts.get("scan.next.scrapped");
            case QUARANTINE -> texts.get("scan.next.quarantine");
        };
    }

    /** The answer to a board nobody knew, now registered in quarantine, with what to do next. */
    public String unknownBoard(BoardInfo board, LocationInfo location, String caseNumber, String trackingNumber) {
        return texts.get("scan.next.unknownBoard", after(board, location, caseNumber, trackingNumber));
    }

    private String nearestRepairCenter(LocationInfo from) {
        return locations.ofType(LocationType.REPAIR_CENTER).stream()
                .min(Comparator.comparingDouble(center -> center.point().distanceKmTo(from.point())))
                .map(LocationInfo::code).orElseGet(() -> texts.get("scan.next.aRepairCenter"));
    }
}
