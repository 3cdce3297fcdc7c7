package io.spareflow.common;

/** Text that goes into a column of limited length. */
public final class Columns {

    private Columns() {
    }

    /** The value cut to at most {@code max} characters, never between the two halves of a surrogate pair; null stays null. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
