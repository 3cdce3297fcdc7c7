package io.spareflow.board;

import java.time.Instant;

/** One serialized board where it is now: at a location ({@code locationCode}) or at a customer site ({@code siteId}). */
public record BoardInfo(String serial, String partNumber, String revision, BoardStatus status, String locationCode,
                        Long siteId, Instant updatedAt, long version) {
}
