-- A picked reservation is done, not open: a later request of the same case (a second spare, e.g. dead on arrival)
-- is a new one. At most one open request (BACKORDER or RESERVED) per case.
DROP INDEX spare_reservation_active_case_idx;
CREATE UNIQUE INDEX spare_reservation_open_case_idx ON spare_reservation (case_number)
    WHERE status IN ('BACKORDER', 'RESERVED');
