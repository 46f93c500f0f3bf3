-- IATI activities (issue 16): what donors report they fund, read from IATI activity files
-- and the Datastore's API by sources of kind iati. Kept apart from calls on purpose: an
-- activity is not a call, nobody can apply to it, and no rule ever judges it.
-- An activity is one row by its iati_identifier; a new reading of it replaces its child
-- rows (organisations, recipients, sectors, locations, budgets, transactions) in one
-- transaction, so a re-import updates and never duplicates. content_hash is the hash of what
-- was read: an activity read again unchanged is not written.
CREATE TABLE iati_activity (
    id                  BIGSERIAL PRIMARY KEY,
    iati_identifier     TEXT        NOT NULL UNIQUE,
    source_id           TEXT        NOT NULL,
    reporting_org_ref   TEXT,
    reporting_org_name  TEXT,
    reporting_org_type  TEXT,
    default_language    TEXT,
    default_currency    TEXT,
    hierarchy           TEXT,
    -- [{"language": "es", "text": "..."}]: every language the publisher gave
    titles              JSONB       NOT NULL DEFAULT '[]',
    -- [{"language": "en", "text": "...", "type": "1"}]
    descriptions        JSONB       NOT NULL DEFAULT '[]',
    -- ActivityStatus code: 1 pipeline/identification, 2 implementation, 3 finalisation,
    -- 4 closed, 5 cancelled, 6 suspended
    status              TEXT,
    planned_start       DATE,
    actual_start        DATE,
    planned_end         DATE,
    actual_end          DATE,
    last_updated        TIMESTAMPTZ,
    content_hash        TEXT        NOT NULL,
    imported_at         TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX iati_activity_reporting_org ON iati_activity (reporting_org_ref);
CREATE INDEX iati_activity_status ON iati_activity (status);

-- position: order in the file, so a reading can be compared with the file element by element.
CREATE TABLE iati_participating_org (
    activity_id BIGINT  NOT NULL REFERENCES iati_activity (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    ref         TEXT,
    name        TEXT,
    org_type    TEXT,
    -- OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing
    role        TEXT,
    PRIMARY KEY (activity_id, position)
);
CREATE INDEX iati_participating_org_ref ON iati_participating_org (ref);

-- Countries and regions, at the activity's level (transaction_position NULL) or a transaction's.
CREATE TABLE iati_recipient (
    activity_id          BIGINT  NOT NULL REFERENCES iati_activity (id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    region               BOOLEAN NOT NULL,
    code                 TEXT,
    vocabulary           TEXT,
    percentage           NUMERIC,
    name                 TEXT,
    transaction_position INTEGER,
    PRIMARY KEY (activity_id, position)
);
CREATE INDEX iati_recipient_code ON iati_recipient (code);

-- Sectors with their vocabulary (1 DAC 5-digit, 2 DAC 3-digit category, ...).
CREATE TABLE iati_sector (
    activity_id          BIGINT  NOT NULL REFERENCES iati_activity (id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    vocabulary           TEXT,
    code                 TEXT,
    percentage           NUMERIC,
    name                 TEXT,
    transaction_position INTEGER,
    PRIMARY KEY (activity_id, position)
);

-- Sub-national places: name, administrative codes ("vocabulary:level:code"), point.
CREATE TABLE iati_location (
    activity_id         BIGINT  NOT NULL REFERENCES iati_activity (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    ref                 TEXT,
    name                TEXT,
    description         TEXT,
    administrative      TEXT[]  NOT NULL DEFAULT '{}',
    latitude            NUMERIC,
    longitude           NUMERIC,
    reach               TEXT,
    exactness           TEXT,
    feature_designation TEXT,
    PRIMARY KEY (activity_id, position)
);

CREATE TABLE iati_budget (
    activity_id  BIGINT  NOT NULL REFERENCES iati_activity (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    budget_type  TEXT,
    status       TEXT,
    period_start DATE,
    period_end   DATE,
    value        NUMERIC,
    currency     TEXT,
    value_date   DATE,
    PRIMARY KEY (activity_id, position)
);

-- TransactionType: 1 incoming funds, 2 outgoing commitment, 3 disbursement, 4 expenditure ...
CREATE TABLE iati_transaction (
    activity_id        BIGINT  NOT NULL REFERENCES iati_activity (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    ref                TEXT,
    transaction_type   TEXT,
    transaction_date   DATE,
    value              NUMERIC,
    currency           TEXT,
    value_date         DATE,
    provider_org_ref   TEXT,
    provider_org_name  TEXT,
    receiver_org_ref   TEXT,
    receiver_org_name  TEXT,
    description        TEXT,
    PRIMARY KEY (activity_id, position)
);
