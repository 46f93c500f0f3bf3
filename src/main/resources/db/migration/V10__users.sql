-- People who use Convoca and what they may do (issue 7). Passwords are stored only as
-- DelegatingPasswordEncoder hashes ("{bcrypt}$2a$..."), never in clear.
CREATE TABLE app_user (
    id                  BIGSERIAL PRIMARY KEY,
    username            TEXT        NOT NULL UNIQUE,   -- lower case, what people log in with
    display_name        TEXT        NOT NULL,
    email               TEXT        NOT NULL,
    password_hash       TEXT        NOT NULL,
    role                TEXT        NOT NULL CHECK (role IN ('ADMIN', 'SUBGERENCIA', 'PROJECT_OWNER')),
    -- A project owner acts for exactly one gerencia; the other roles for all of them.
    gerencia_code       TEXT        REFERENCES gerencia (code) ON UPDATE CASCADE,
    enabled             BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    -- Open browser sessions of the user end when this changes (password reset, disabled).
    password_changed_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT app_user_owner_has_one_gerencia CHECK ((role = 'PROJECT_OWNER') = (gerencia_code IS NOT NULL))
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));
CREATE INDEX app_user_gerencia_idx ON app_user (gerencia_code);
