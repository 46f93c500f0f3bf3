-- Every activation of a rule set, with its files, so it can be audited and rolled back.
CREATE TABLE rule_version (
    id            BIGSERIAL PRIMARY KEY,
    version       TEXT        NOT NULL,          -- SHA-256 prefix of the files
    files         TEXT        NOT NULL,          -- JSON object: relative path -> content
    activated_at  TIMESTAMPTZ NOT NULL,
    activated_by  TEXT        NOT NULL,
    action        TEXT        NOT NULL,          -- STARTUP, FILE_CHANGE, ACTIVATE, ROLLBACK
    note          TEXT
);
CREATE INDEX rule_version_time_idx ON rule_version (activated_at DESC);

-- Everything admins did to the rules, refused attempts included.
CREATE TABLE rule_audit (
    id       BIGSERIAL PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL,
    actor    TEXT        NOT NULL,
    action   TEXT        NOT NULL,               -- DRAFT_SAVED, DRAFT_DISCARDED, ACTIVATED, REFUSED, ROLLED_BACK ...
    version  TEXT,
    detail   TEXT
);
CREATE INDEX rule_audit_time_idx ON rule_audit (at DESC);

-- Edited rule files not yet active.
CREATE TABLE rule_draft (
    file      TEXT PRIMARY KEY,                  -- relative path: deadline.drl, parameters.yaml, tests/x.yaml
    content   TEXT        NOT NULL,
    saved_by  TEXT        NOT NULL,
    saved_at  TIMESTAMPTZ NOT NULL
);

-- Every verdict a match ever had: nothing is overwritten without a trace.
CREATE TABLE match_history (
    id               BIGSERIAL PRIMARY KEY,
    match_id         BIGINT      NOT NULL REFERENCES match (id) ON DELETE CASCADE,
    verdict          TEXT        NOT NULL,
    reasons          TEXT        NOT NULL,
    ruleset_version  TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX match_history_match_idx ON match_history (match_id, recorded_at);

-- Criteria the first schema lacked.
ALTER TABLE call ADD COLUMN population_min BIGINT;
ALTER TABLE call ADD COLUMN population_max BIGINT;
ALTER TABLE call ADD COLUMN eligible_income_groups TEXT[];
ALTER TABLE call ADD COLUMN excluded_income_groups TEXT[];
