package io.spareflow.part;

public enum ProductLine {
    CDMA("CDMA"),
    MOBILE("GSM/UMTS/LTE mobile"),
    OPTICAL("Optical transport"),
    ACCESS("Access network"),
    DATA("Data/IP"),
    POWER("Power");

    private final String label;

    ProductLine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
