-- The measurement feature (kpi) is read-side: it reads other features' tables through these views and writes only
-- its own tables (kpi_alert). A view keeps the joins KPIs filter on (product line, region) in one place.

-- A case with what KPIs filter by: product line of its part and country of its responsible location (region).
CREATE VIEW kpi_case AS
SELECT c.id, c.number, c.customer_code, c.site_id, c.faulty_serial, c.part_number, p.product_line, c.channel, c.state,
       c.tier, c.responsible_location, l.country AS region_country, c.first_owner, c.spare_serial, c.backordered,
       c.charge_flag, c.created_at, c.closed_at
FROM rma_case c
JOIN part p ON p.part_number = c.part_number
JOIN location l ON l.code = c.responsible_location;

-- The installed base with its installation date (TL 9000 "shipped"): the first hand-off that left the board
-- INSTALLED, or, for a board registered straight into the installed base by a bulk import (no custody row), its
-- registration time.
CREATE VIEW kpi_installation AS
SELECT b.id AS board_id, b.serial, p.product_line,
       COALESCE((SELECT min(bc.moved_at) FROM board_custody bc WHERE bc.board_id = b.id AND bc.to_status = 'INSTALLED'),
                CASE WHEN b.status = 'INSTALLED' THEN b.updated_at END) AS installed_at
FROM board b
JOIN part p ON p.part_number = b.part_number;
