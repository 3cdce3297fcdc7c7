package io.spareflow.board;

/**
 * A board to register as a file or a form gives it: every value as text ({@code revision}, {@code locationCode} and
 * {@code siteId} may be null), checked by {@link Boards#checkNew}.
 */
public record BoardRow(String serial, String partNumber, String revision, String status, String locationCode,
                       String siteId) {
}
