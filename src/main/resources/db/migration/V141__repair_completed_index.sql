-- The experience index takes in, before each search, the repairs completed since its last look (on every node).
CREATE INDEX repair_order_completed_idx ON repair_order (completed_at) WHERE completed_at IS NOT NULL;
