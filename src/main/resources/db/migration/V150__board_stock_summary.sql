-- Spare stock per (part, location): the number of AVAILABLE boards, kept equal to the board table by triggers in the
-- transaction of every write to it (Boards.move through JPA, COPY bulk loads, data fixes in SQL alike), so a quote
-- reads one row per depot and part instead of counting boards. Only moves into or out of AVAILABLE touch it: the
-- other moves (most scans) cost nothing extra and never wait for the counter row.
CREATE TABLE board_stock (
    part_number     VARCHAR(30)  NOT NULL REFERENCES part (part_number) ON DELETE CASCADE,
    location_code   VARCHAR(16)  NOT NULL REFERENCES location (code) ON DELETE CASCADE,
    available       BIGINT       NOT NULL CHECK (available >= 0),
    PRIMARY KEY (part_number, location_code)
);

INSERT INTO board_stock (part_number, location_code, available)
SELECT part_number, location_code, count(*) FROM board
 WHERE status = 'AVAILABLE' AND location_code IS NOT NULL
 GROUP BY part_number, location_code;

-- A counter goes down by UPDATE (an INSERT … ON CONFLICT would check its negative proposed row) and up by an upsert.
CREATE FUNCTION board_stock_take(part VARCHAR, location VARCHAR) RETURNS VOID LANGUAGE SQL AS $$
    UPDATE board_stock SET available = available - 1 WHERE part_number = part AND location_code = location
$$;

CREATE FUNCTION board_stock_put(part VARCHAR, location VARCHAR) RETURNS VOID LANGUAGE SQL AS $$
    INSERT INTO board_stock AS s (part_number, location_code, available) VALUES (part, location, 1)
    ON CONFLICT (part_number, location_code) DO UPDATE SET available = s.available + 1
$$;

-- One board changed (JPA writes one row per statement). The state machine has no move from AVAILABLE to AVAILABLE,
-- so a move touches one counter row; a data fix that changes both takes them in key order, as concurrent ones do.
CREATE FUNCTION board_stock_on_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    took BOOLEAN := OLD.status = 'AVAILABLE' AND OLD.location_code IS NOT NULL;
    puts BOOLEAN := NEW.status = 'AVAILABLE' AND NEW.location_code IS NOT NULL;
BEGIN
    IF took AND puts AND (NEW.part_number, NEW.location_code) < (OLD.part_number, OLD.location_code) THEN
        PERFORM board_stock_put(NEW.part_number, NEW.location_code);
        PERFORM board_stock_take(OLD.part_number, OLD.location_code);
        RETURN NULL;
    END IF;
    IF took THEN
        PERFORM board_stock_take(OLD.part_number, OLD.location_code);
    END IF;
    IF puts THEN
        PERFORM board_stock_put(NEW.part_number, NEW.location_code);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER board_stock_update AFTER UPDATE ON board FOR EACH ROW
    WHEN ((OLD.status = 'AVAILABLE' OR NEW.status = 'AVAILABLE')
          AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.location_code IS DISTINCT FROM NEW.location_code
               OR OLD.part_number IS DISTINCT FROM NEW.part_number))
    EXECUTE FUNCTION board_stock_on_update();

-- Inserts and deletes come in bulk (COPY of a million boards): one aggregate over the statement's rows.
CREATE FUNCTION board_stock_on_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_stock AS s (part_number, location_code, available)
    SELECT part_number, location_code, count(*) FROM new_boards
     WHERE status = 'AVAILABLE' AND location_code IS NOT NULL
     GROUP BY part_number, location_code
     ORDER BY part_number, location_code
    ON CONFLICT (part_number, location_code) DO UPDATE SET available = s.available + excluded.available;
    RETURN NULL;
END $$;

CREATE FUNCTION board_stock_on_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE board_stock s SET available = s.available - c.n
      FROM (SELECT part_number, location_code, count(*) AS n FROM old_boards
             WHERE status = 'AVAILABLE' AND location_code IS NOT NULL
             GROUP BY part_number, location_code) c
     WHERE s.part_number = c.part_number AND s.location_code = c.location_code;
    RETURN NULL;
END $$;

CREATE TRIGGER board_stock_insert AFTER INSERT ON board REFERENCING NEW TABLE AS new_boards
    FOR EACH STATEMENT EXECUTE FUNCTION board_stock_on_insert();
CREATE TRIGGER board_stock_delete AFTER DELETE ON board REFERENCING OLD TABLE AS old_boards
    FOR EACH STATEMENT EXECUTE FUNCTION board_stock_on_delete();

CREATE FUNCTION board_stock_on_truncate() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_stock;
    RETURN NULL;
END $$;

CREATE TRIGGER board_stock_truncate AFTER TRUNCATE ON board
    FOR EACH STATEMENT EXECUTE FUNCTION board_stock_on_truncate();

-- The audit: every (part, location) whose counter differs from the boards (empty when the summary is right).
CREATE VIEW board_stock_drift AS
SELECT coalesce(s.part_number, b.part_number) AS part_number,
       coalesce(s.location_code, b.location_code) AS location_code,
       coalesce(s.available, 0) AS summary_available,
       coalesce(b.available, 0) AS board_available
  FROM board_stock s
  FULL JOIN (SELECT part_number, location_code, count(*) AS available FROM board
              WHERE status = 'AVAILABLE' AND location_code IS NOT NULL
              GROUP BY part_number, location_code) b
    ON b.part_number = s.part_number AND b.location_code = s.location_code
 WHERE coalesce(s.available, 0) <> coalesce(b.available, 0);
