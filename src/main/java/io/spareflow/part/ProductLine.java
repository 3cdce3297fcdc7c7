package io.spareflow.part;

import io.spareflow.common.LocalizedName;

/** The product lines of the catalogue, each with its English and Chinese name. */
public enum ProductLine {
    CDMA("CDMA", "CDMA"),
    MOBILE("GSM/UMTS/LTE mobile", "GSM/UMTS/LTE 无线"),
    OPTICAL("Optical transport", "光传输"),
    ACCESS("Access network", "接入网"),
    DATA("Data/IP", "数据通信/IP"),
    POWER("Power", "电源");

    private final String label;
    private final String chineseLabel;

    ProductLine(String label, String chineseLabel) {
        this.label = label;
        this.chineseLabel = chineseLabel;
    }

    public String label() {
        return label;
    }

    public LocalizedName localName() {
        return new LocalizedName(label, chineseLabel);
    }
}
