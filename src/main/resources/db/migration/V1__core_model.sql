-- Convoca core model. PostgreSQL dialect only: the embedded server and production share it.

-- Lima's facts as an applicant: one row, the municipality itself.
CREATE TABLE organisation_profile (
    id               BIGINT PRIMARY KEY,
    name             TEXT     NOT NULL,
    applicant_type   TEXT     NOT NULL,          -- e.g. LOCAL_GOVERNMENT
    country          TEXT     NOT NULL,          -- ISO 3166-1 alpha-2
    geographies      TEXT[]   NOT NULL,          -- regions the country belongs to (LATAM, ODA ...)
    income_group     TEXT     NOT NULL,          -- World Bank group, Peru: UPPER_MIDDLE
    population       BIGINT   NOT NULL,
    sister_cities    TEXT[]   NOT NULL,
    networks         TEXT[]   NOT NULL,
    registrations    TEXT[]   NOT NULL,
    languages        TEXT[]   NOT NULL
);

CREATE TABLE gerencia (
    id           BIGSERIAL PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    competences  TEXT[]  NOT NULL,               -- theme ids from index/vocabulary.yaml
    contact_email TEXT
);

CREATE TABLE project (
    id                     BIGSERIAL PRIMARY KEY,
    code                   TEXT          NOT NULL UNIQUE,
    gerencia_id            BIGINT        NOT NULL REFERENCES gerencia (id),
    title                  TEXT          NOT NULL,
    description            TEXT          NOT NULL,
    themes                 TEXT[]        NOT NULL,
    budget                 NUMERIC(16,2) NOT NULL,
    requested_amount       NUMERIC(16,2) NOT NULL,
    currency               TEXT          NOT NULL,
    co_financing_available NUMERIC(16,2) NOT NULL,
    duration_months        INTEGER       NOT NULL,
    status                 TEXT          NOT NULL,  -- ACTIVE, ARCHIVED
    partners               TEXT[]        NOT NULL,
    languages              TEXT[]        NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX project_gerencia_idx ON project (gerencia_id);

-- A call for non-reimbursable funding (convocatoria). NULL in a criterion column means
-- "the call does not say": rules answer NEEDS_REVIEW for it, never a silent ELIGIBLE.
CREATE TABLE call (
    id                     BIGSERIAL PRIMARY KEY,
    stable_key             TEXT          NOT NULL UNIQUE,   -- source id + the source's own id
    source_id              TEXT          NOT NULL,
    external_id            TEXT          NOT NULL,
    source_url             TEXT,
    funder                 TEXT          NOT NULL,
    title                  TEXT          NOT NULL,
    summary                TEXT          NOT NULL,          -- sanitised HTML (jsoup Safelist.basic)
    summary_text           TEXT          NOT NULL,          -- plain text, what rules and search read
    language               TEXT,
    published_at           TIMESTAMPTZ,
    opens_at               TIMESTAMPTZ,
    deadline               TIMESTAMPTZ,
    deadline_zone          TEXT,
    status                 TEXT          NOT NULL,          -- OPEN, FORTHCOMING, CLOSED
    amount_min             NUMERIC(16,2),
    amount_max             NUMERIC(16,2),
    currency               TEXT,
    co_financing_pct       NUMERIC(5,2),
    applicant_types        TEXT[],
    eligible_geographies   TEXT[],
    excluded_countries     TEXT[],
    themes                 TEXT[],
    partnership_required   TEXT,
    network_required       TEXT,
    reimbursable           BOOLEAN,
    duration_months_max    INTEGER,
    application_languages  TEXT[],
    required_registrations TEXT[],
    evidence               TEXT          NOT NULL DEFAULT '{}', -- JSON: fact name -> sentence it was read from
    content_hash           TEXT          NOT NULL,
    first_seen_at          TIMESTAMPTZ   NOT NULL,
    last_seen_at           TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX call_deadline_idx ON call (deadline);
CREATE INDEX call_source_idx ON call (source_id);

-- The verdict of the rules for one call against one project (or one gerencia).
CREATE TABLE match (
    id               BIGSERIAL PRIMARY KEY,
    call_id          BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    project_id       BIGINT      REFERENCES project (id) ON DELETE CASCADE,
    gerencia_id      BIGINT      REFERENCES gerencia (id) ON DELETE CASCADE,
    verdict          TEXT        NOT NULL,      -- ELIGIBLE, NEEDS_REVIEW, NOT_ELIGIBLE
    reasons          TEXT        NOT NULL,      -- JSON array of findings (rule id, key, args ...)
    score            REAL        NOT NULL,
    ruleset_version  TEXT        NOT NULL,
    first_seen_at    TIMESTAMPTZ NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL,
    alerted_at       TIMESTAMPTZ,
    CONSTRAINT match_one_target CHECK ((project_id IS NULL) <> (gerencia_id IS NULL))
);
CREATE UNIQUE INDEX match_call_project_uq ON match (call_id, project_id) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX match_call_gerencia_uq ON match (call_id, gerencia_id) WHERE gerencia_id IS NOT NULL;
CREATE INDEX match_project_idx ON match (project_id);

-- One row per crawl of a source: what the subgerencia looks at when a funder goes quiet.
CREATE TABLE crawl_run (
    id             BIGSERIAL PRIMARY KEY,
    source_id      TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    status         TEXT        NOT NULL,        -- RUNNING, SUCCEEDED, FAILED
    items_found    INTEGER     NOT NULL DEFAULT 0,
    calls_new      INTEGER     NOT NULL DEFAULT 0,
    calls_updated  INTEGER     NOT NULL DEFAULT 0,
    error          TEXT
);
CREATE INDEX crawl_run_source_idx ON crawl_run (source_id, started_at DESC);
