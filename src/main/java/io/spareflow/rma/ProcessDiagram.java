package io.spareflow.rma;

import java.util.List;

/**
 * One process of a case as a diagram: its BPMN XML and the activities active now (empty once it has ended), so a page
 * can draw it with the current step highlighted.
 */
public record ProcessDiagram(String processKey, String processName, String bpmnXml, List<String> activeActivityIds) {
}
