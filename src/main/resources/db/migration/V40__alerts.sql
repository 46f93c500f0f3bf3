-- Issue 6: weekly digests, saved searches, change notices, deadline reminders, all through one
-- outbox so that every e-mail is recorded before it is sent and sent once.

-- Who receives digests. A row without username is an entry of the office list (managed by the
-- subgerencia); a row with one is that user's own preferences (digest, change notices, reminders).
CREATE TABLE alert_recipient (
    id                  BIGSERIAL PRIMARY KEY,
    username            TEXT UNIQUE,                       -- the user whose own preferences these are
    email               TEXT        NOT NULL,
    display_name        TEXT,
    language            TEXT        NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
    digest_frequency    TEXT        NOT NULL DEFAULT 'WEEKLY' CHECK (digest_frequency IN ('WEEKLY', 'OFF')),
    gerencia_code       TEXT        REFERENCES gerencia (code) ON UPDATE CASCADE ON DELETE CASCADE, -- NULL: whole office
    change_notices      BOOLEAN     NOT NULL DEFAULT TRUE,
    deadline_reminders  BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    updated_by          TEXT        NOT NULL
);
-- One digest of one scope per address: the office list and a user's own row never double up.
CREATE UNIQUE INDEX alert_recipient_email_scope_uq ON alert_recipient (lower(email), coalesce(gerencia_code, ''));

-- Secrets the service generates once when none is configured (unsubscribe HMAC, calendar feed
-- tokens), kept here so every node and every restart signs the same way.
CREATE TABLE alert_secret (
    name        TEXT PRIMARY KEY,
    value       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every e-mail, written with its idempotency key BEFORE it is sent. Transport times (leases,
-- retries) are PostgreSQL's now(): the one clock all nodes share.
CREATE TABLE alert_outbox (
    id                BIGSERIAL PRIMARY KEY,
    idempotency_key   TEXT        NOT NULL UNIQUE,   -- digest:2027-W10:oficina:ana@x, change:<event>:<email> ...
    kind              TEXT        NOT NULL CHECK (kind IN ('DIGEST', 'SAVED_SEARCH', 'CHANGE_NOTICE', 'DEADLINE_REMINDER')),
    recipient         TEXT        NOT NULL,
    language          TEXT        NOT NULL,
    subject           TEXT        NOT NULL,
    body_text         TEXT        NOT NULL,
    body_html         TEXT        NOT NULL,
    message_id        TEXT        NOT NULL,          -- derived from the key: a redelivery carries the same one
    unsubscribe_url   TEXT,                          -- List-Unsubscribe (one-click POST, RFC 8058)
    reference         TEXT,                          -- what it is about, for the admin (period, call id ...)
    status            TEXT        NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD', 'CANCELLED')),
    attempts          INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by        TEXT,                          -- the node sending it
    lease_until       TIMESTAMPTZ,                   -- another node may take it over after this
    redelivered       BOOLEAN     NOT NULL DEFAULT FALSE, -- taken over from a node that died while sending
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at           TIMESTAMPTZ
);
CREATE INDEX alert_outbox_due_idx ON alert_outbox (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX alert_outbox_status_idx ON alert_outbox (status, created_at DESC);

-- One row per digest period: a second run of the same period (restart, misfire, second node)
-- finds it and sends nothing again. The window is what "since the last digest" means.
CREATE TABLE digest_run (
    id            BIGSERIAL PRIMARY KEY,
    period_key    TEXT        NOT NULL UNIQUE,       -- ISO week in Lima: 2027-W10
    trigger       TEXT        NOT NULL,              -- CRON, MANUAL
    window_from   TIMESTAMPTZ,                       -- the previous run's end; NULL for the first
    window_to     TIMESTAMPTZ NOT NULL,
    messages      INTEGER     NOT NULL,
    new_matches   INTEGER     NOT NULL,
    closing_soon  INTEGER     NOT NULL,
    changed_calls INTEGER     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Calls stored or changed, written in the same transaction as the call: saved searches and
-- change notices work from this list, so none is lost if the service stops after the commit.
CREATE TABLE alert_call_event (
    id            BIGSERIAL PRIMARY KEY,
    call_id       BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    kind          TEXT        NOT NULL,              -- NEW, UPDATED, CLOSED
    changes       TEXT        NOT NULL,              -- JSON array of {field, before, after}
    recorded_at   TIMESTAMPTZ NOT NULL,              -- service clock: the digest window
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),-- database clock: processed after a settling delay
    processed_at  TIMESTAMPTZ
);
CREATE INDEX alert_call_event_pending_idx ON alert_call_event (id) WHERE processed_at IS NULL;
CREATE INDEX alert_call_event_recorded_idx ON alert_call_event (recorded_at);

-- A user's saved search: the parameters of /api/calls/search, run as a stored query against
-- every new call (percolation), never against the whole index again.
CREATE TABLE saved_search (
    id                    BIGSERIAL PRIMARY KEY,
    username              TEXT        NOT NULL,
    name                  TEXT        NOT NULL,
    params                TEXT        NOT NULL,      -- JSON object: parameter -> list of values
    frequency             TEXT        NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'OFF')),
    include_not_eligible  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    last_alert_at         TIMESTAMPTZ
);
CREATE INDEX saved_search_user_idx ON saved_search (username);

-- New calls a saved search found; alert_key names the e-mail that announced it (or why none did).
CREATE TABLE saved_search_hit (
    saved_search_id  BIGINT      NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
    call_id          BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    found_at         TIMESTAMPTZ NOT NULL,
    alert_key        TEXT,
    PRIMARY KEY (saved_search_id, call_id)
);

-- Calls a user follows: they get its change notices whether or not a project of theirs matches.
CREATE TABLE call_follow (
    username    TEXT        NOT NULL,
    call_id     BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, call_id)
);
CREATE INDEX call_follow_call_idx ON call_follow (call_id);
