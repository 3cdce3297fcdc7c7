package io.spareflow.sourcing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.common.Message;
import io.spareflow.common.StoredMessage;
import io.spareflow.common.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One recorded decision about a case's spare; {@code candidates} is the JSON array of the ranked candidates. Its reason
 * is kept as message key and arguments, worded when read; {@code reason} is the English wording.
 */
@Entity
@Table(name = "sourcing_decision")
class SourcingDecisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "reservation_id")
    private long reservationId;
    @Enumerated(EnumType.STRING)
    private DecisionKind kind;
    @Column(name = "made_at")
    private Instant madeAt;
    @Column(name = "made_by")
    private String madeBy;
    @Column(name = "requested_part")
    private String requestedPart;
    @Column(name = "site_id")
    private long siteId;
    private String tier;
    @Column(name = "limit_minutes")
    private Integer limitMinutes;
    @Column(name = "chosen_depot")
    private String chosenDepot;
    @Column(name = "chosen_serial")
    private String chosenSerial;
    private String reason;
    @Column(name = "reason_key")
    private String reasonKey;
    @Column(name = "reason_args")
    @JdbcTypeCode(SqlTypes.JSON)
    private String reasonArgs;
    @Column(name = "candidates_total")
    private int candidatesTotal;
    @JdbcTypeCode(SqlTypes.JSON)
    private String candidates;

    protected SourcingDecisionEntity() {
    }

    SourcingDecisionEntity(SpareReservationEntity reservation, DecisionKind kind, Instant at, String by,
                           Integer limitMinutes, Message reason, int candidatesTotal, String candidatesJson) {
        this.caseNumber = reservation.getCaseNumber();
        this.reservationId = reservation.getId();
        this.kind = kind;
        this.madeAt = at;
        this.madeBy = by;
        this.requestedPart = reservation.getRequestedPart();
        this.siteId = reservation.getSiteId();
        this.tier = reservation.getTier();
        this.limitMinutes = limitMinutes;
        this.chosenDepot = reservation.getDepotCode();
        this.chosenSerial = reservation.getSerial();
        this.reason = cut(reason.english());
        this.reasonKey = reason.key();
        this.reasonArgs = StoredMessage.arguments(reason);
        this.candidatesTotal = candidatesTotal;
        this.candidates = candidatesJson;
    }

    /** The decision as its reader reads it: the reason worded by {@code texts} (decisions before keys: as stored). */
    DecisionView toView(ObjectMapper json, Texts texts) {
        String worded = reasonKey == null ? reason : cut(texts.get(StoredMessage.read(reasonKey, reasonArgs)));
        try {
            return new DecisionView(id, caseNumber, reservationId, kind, madeAt, madeBy, requestedPart, siteId, tier,
                    limitMinutes, chosenDepot, chosenSerial, worded, candidatesTotal, json.readTree(candidates));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision " + id + " holds candidates that are not JSON", e);
        }
    }

    private static String cut(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    }
}
