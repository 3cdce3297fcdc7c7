package io.spareflow.part;

import io.spareflow.common.LocalizedName;

/**
 * A part (board type) of the catalogue. {@code supersededBy} names the newer part that may replace this one in the
 * field; a board of the newer part is a compatible spare for this one, never the other way round. {@code gtin} is the
 * part's GS1 GTIN-14: the configured GS1 company prefix and the part's item reference, with its check digit. {@code descriptionZh} is the Chinese description;
 * {@link #localDescription()} picks one for a reader.
 */
public record PartInfo(String partNumber, ProductLine productLine, String description, String revision,
                       String supersededBy, boolean repairable, int repairTurnaroundDays, String gtin, String descriptionZh) {

    public LocalizedName localDescription() {
        return new LocalizedName(description, descriptionZh);
    }
}
