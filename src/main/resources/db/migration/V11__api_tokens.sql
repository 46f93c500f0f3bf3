-- Personal API tokens an administrator issues to a user for scripts (Authorization: Bearer).
-- Only a SHA-256 hash is kept: the token itself is shown once, when it is issued. A token
-- has 256 random bits, so a fast hash is enough (a slow one is for guessable passwords).
CREATE TABLE api_token (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,   -- hex SHA-256 of the whole token
    prefix      TEXT        NOT NULL,          -- its first characters, to recognise it in lists
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ,                   -- NULL: until revoked
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
