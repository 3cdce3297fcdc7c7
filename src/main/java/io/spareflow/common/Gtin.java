package io.spareflow.common;

/**
 * GS1 Global Trade Item Numbers in their 14-digit form (GTIN-14, as AI (01) carries them): indicator digit, GS1
 * company prefix, item reference, check digit (GS1 General Specifications, 3.3.2 and 7.9.1).
 */
public final class Gtin {

    private Gtin() {
    }

    /**
     * The GTIN-14 of an item: indicator 0, {@code companyPrefix} (6 to 12 digits), {@code itemReference} zero-padded
     * to fill 12 digits with the prefix, and the check digit. Refuses an item reference that does not fit.
     */
    public static String of(String companyPrefix, long itemReference) {
        if (companyPrefix == null || !companyPrefix.matches("\\d{6,12}")) {
            throw new IllegalArgumentException("a GS1 company prefix is 6 to 12 digits, not '" + companyPrefix + "'");
        }
        int referenceDigits = 12 - companyPrefix.length();
        if (itemReference < 0 || Long.toString(itemReference).length() > Math.max(referenceDigits, 1)
                || (referenceDigits == 0 && itemReference != 0)) {
            throw new IllegalArgumentException("item reference " + itemReference + " does not fit the "
                    + referenceDigits + " digits that GS1 company prefix " + companyPrefix + " leaves");
        }
        String body = "0" + companyPrefix + (referenceDigits == 0 ? ""
                : String.format("%0" + referenceDigits + "d", itemReference));
        return body + checkDigit(body);
    }

    /** Whether {@code gtin} is 14 digits with a correct check digit. */
    public static boolean isValid(String gtin) {
        return gtin != null && gtin.matches("\\d{14}") && checkDigit(gtin.substring(0, 13)) == gtin.charAt(13) - '0';
    }

    /** GS1 mod-10 check digit of the digits before it: weights 3, 1, 3, … from the right. */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
