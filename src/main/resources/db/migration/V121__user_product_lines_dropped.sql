-- A technician's product-line set was their certification; V120 made each line a dated certification, which is now
-- the only one (training feature).
ALTER TABLE app_user DROP COLUMN product_lines;
