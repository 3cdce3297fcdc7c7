package io.spareflow.notify.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The customer's satisfaction with a closed case: answered once. */
@Entity
@Table(name = "survey_response")
class SurveyResponse {

    @Id
    @Column(name = "case_number")
    private String caseNumber;
    private short score;
    private String comment;
    @Column(name = "answered_at")
    private Instant answeredAt;

    protected SurveyResponse() {
    }

    SurveyResponse(String caseNumber, int score, String comment, Instant answeredAt) {
        this.caseNumber = caseNumber;
        this.score = (short) score;
        this.comment = comment;
        this.answeredAt = answeredAt;
    }

    int score() {
        return score;
    }

    String comment() {
        return comment;
    }
}
