package io.spareflow.rma;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.spareflow.common.Message;

/**
 * A waiting step of an open case that can no longer complete as things stand: what the step needs to be true
 * ({@code need}) and what is true now ({@code instead}), as messages worded for each reader (the monitoring center);
 * {@code expected} and {@code actual} are their English, as the API and the timeline give them. {@code step} is the
 * BPMN element the case waits in. The messages' arguments are texts (serials, codes), so they can be stored.
 */
public record StalledStep(String caseNumber, String step, @JsonIgnore Message need, @JsonIgnore Message instead) {

    @JsonProperty("expected")
    public String expected() {
        return need.english();
    }

    @JsonProperty("actual")
    public String actual() {
        return instead.english();
    }
}
