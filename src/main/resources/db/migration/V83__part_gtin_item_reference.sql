-- Every part gets a GS1 item reference: with the configured GS1 company prefix it makes the part's GTIN-14 (AI 01),
-- which GS1 requires beside the serial (21) and the part number (240) on a board label. Assigned once from a
-- sequence (existing parts in part-number order), never reused; the GTIN itself is computed, not stored, so a change
-- of company prefix needs no data migration.
CREATE SEQUENCE part_item_reference_seq START WITH 1;

ALTER TABLE part ADD COLUMN item_reference BIGINT;
UPDATE part SET item_reference = numbered.n
  FROM (SELECT part_number, nextval('part_item_reference_seq') AS n
          FROM (SELECT part_number FROM part ORDER BY part_number) ordered) numbered
 WHERE part.part_number = numbered.part_number;
ALTER TABLE part ALTER COLUMN item_reference SET DEFAULT nextval('part_item_reference_seq');
ALTER TABLE part ALTER COLUMN item_reference SET NOT NULL;
ALTER TABLE part ADD CONSTRAINT part_item_reference_unique UNIQUE (item_reference);
ALTER TABLE part ADD CONSTRAINT part_item_reference_positive CHECK (item_reference > 0);
ALTER SEQUENCE part_item_reference_seq OWNED BY part.item_reference;
