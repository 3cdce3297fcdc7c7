package io.spareflow.rma.internal;

import java.util.List;

/** A case just cancelled: the lines that were still open (now cancelled) and their spares expected back in stock. */
public record CaseCancelled(List<Integer> lines, List<String> returningSpares) {
}
