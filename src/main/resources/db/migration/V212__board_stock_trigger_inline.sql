-- The summary trigger of a board's update (V150) wrote its counter through two SQL functions called with PERFORM:
-- PostgreSQL plans a SQL function's body again on every such call (about 0.1–0.3 ms per move into or out of
-- AVAILABLE on the benchmark machine), while PL/pgSQL keeps the plans of its own statements. The same statements,
-- in the same order (a counter goes down by UPDATE, up by an upsert; two counters in key order), now inline.
CREATE OR REPLACE FUNCTION board_stock_on_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    took BOOLEAN := OLD.status = 'AVAILABLE' AND OLD.location_code IS NOT NULL;
    puts BOOLEAN := NEW.status = 'AVAILABLE' AND NEW.location_code IS NOT NULL;
    put_first BOOLEAN := took AND puts AND (NEW.part_number, NEW.location_code) < (OLD.part_number, OLD.location_code);
BEGIN
    IF puts AND put_first THEN
        INSERT INTO board_stock AS s (part_number, location_code, available) VALUES (NEW.part_number, NEW.location_code, 1)
        ON CONFLICT (part_number, location_code) DO UPDATE SET available = s.available + 1;
    END IF;
    IF took THEN
        UPDATE board_stock SET available = available - 1
         WHERE part_number = OLD.part_number AND location_code = OLD.location_code;
    END IF;
    IF puts AND NOT put_first THEN
        INSERT INTO board_stock AS s (part_number, location_code, available) VALUES (NEW.part_number, NEW.location_code, 1)
        ON CONFLICT (part_number, location_code) DO UPDATE SET available = s.available + 1;
    END IF;
    RETURN NULL;
END $$;

DROP FUNCTION board_stock_take(VARCHAR, VARCHAR);
DROP FUNCTION board_stock_put(VARCHAR, VARCHAR);
