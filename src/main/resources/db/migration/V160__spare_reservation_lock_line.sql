-- A new reservation's line lock and its open-request check in one round trip. A request of a case line first waits for
-- the line's advisory lock (held until its transaction ends, so two requests of one line never both find it free), then
-- reads the line's open request (BACKORDER or RESERVED). The read must see what a request that held the lock before
-- committed: a VOLATILE PL/pgSQL function takes a fresh snapshot for each statement under READ COMMITTED, after the
-- wait, which one plain SQL statement doing both would not (its snapshot predates the wait).
-- The unique index spare_reservation_open_line_idx stays the backstop.
CREATE FUNCTION spare_reservation_lock_line(p_case_number TEXT, p_line_no INTEGER)
    RETURNS SETOF spare_reservation
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('spare-case:' || p_case_number || '/' || p_line_no));
    RETURN QUERY SELECT * FROM spare_reservation
        WHERE case_number = p_case_number AND line_no = p_line_no AND status IN ('BACKORDER', 'RESERVED');
END
$$;
