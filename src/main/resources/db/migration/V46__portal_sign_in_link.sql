-- One-time sign-in links of the customer portal. Only the SHA-256 of the token is stored: a copy of this table
-- signs nobody in. A link is used at most once (used_at) and not after expires_at.
CREATE TABLE portal_sign_in_link (
    token_hash   CHAR(64)     PRIMARY KEY,
    contact_id   BIGINT       NOT NULL REFERENCES customer_contact (id),
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    used_at      TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
-- Old links are purged by age.
CREATE INDEX portal_sign_in_link_expires_idx ON portal_sign_in_link (expires_at);

-- The portal lists the boards installed at each of a customer's sites.
CREATE INDEX board_site_idx ON board (site_id, status) WHERE site_id IS NOT NULL;
