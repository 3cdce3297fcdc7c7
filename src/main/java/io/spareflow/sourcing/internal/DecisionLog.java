package io.spareflow.sourcing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.common.CaseNumber;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.common.Texts;
import io.spareflow.sourcing.SourcingDecision;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of why each case's spare comes from where it does: every reservation, backorder, release and swap. */
@Service
class DecisionLog {

    private final SourcingDecisionRepository decisions;
    private final SourcingProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final Texts texts;

    DecisionLog(SourcingDecisionRepository decisions, SourcingProperties properties, ObjectMapper json, Clock clock,
                Texts texts) {
        this.decisions = decisions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.texts = texts;
    }

    /** Records a decision about {@code request}, with the shown candidates of {@code ranking} (null: none ranked). */
    @Transactional
    void record(SpareReservationEntity request, DecisionKind kind, String actor, QuoteEngine.Ranking ranking,
                Message reason) {
        List<Candidate> considered = ranking == null ? List.of()
                : ranking.candidates().subList(0, Math.min(properties.candidatesShown(), ranking.candidates().size()));
        try {
            decisions.save(new SourcingDecisionEntity(request, kind, clock.instant(), actor,
                    ranking == null ? null : ranking.limitMinutes(), reason,
                    ranking == null ? 0 : ranking.candidates().size(), json.writeValueAsString(considered)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Candidates of case " + request.getCaseNumber() + " cannot be written as JSON", e);
        }
    }

    /** The case's decisions as other features read them, reasons in the request's language, oldest first (empty when none was made). */
    @Transactional(readOnly = true)
    List<SourcingDecision> decisionsOf(String caseNumber) {
        return views(caseNumber).stream()
                .map(d -> new SourcingDecision(d.kind().name(), d.madeAt(), d.madeBy(), d.tier(), d.limitMinutes(),
                        d.chosenDepot(), d.chosenSerial(), d.reason(), d.candidatesTotal(),
                        json.convertValue(d.candidates(), new TypeReference<List<SourcingDecision.Candidate>>() { })))
                .toList();
    }

    /** The case's decisions as the API shows them, oldest first; a case without any is not found. */
    @Transactional(readOnly = true)
    List<DecisionView> requireViews(String caseNumber) {
        List<DecisionView> found = views(caseNumber);
        if (found.isEmpty()) {
            throw new NotFoundException(Message.of("errors.sourcing.noDecisions", caseNumber));
        }
        return found;
    }

    private List<DecisionView> views(String caseNumber) {
        return decisions.findByCaseNumberOrderByMadeAtAscIdAsc(CaseNumber.parse(caseNumber).value()).stream()
                .map(d -> d.toView(json, texts)).toList();
    }
}
