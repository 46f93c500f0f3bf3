-- Issue 3: one call found on several sources, its key dates, and why it closed.

-- What identifies a call across sources, and what the stored call holds besides V1's columns.
ALTER TABLE call ADD COLUMN reference     TEXT;            -- the donor's own reference, normalised (PAR-21-168, HORIZON-CL5-2027-07-D3-28)
ALTER TABLE call ADD COLUMN programme     TEXT;            -- programme or framework (Horizon Europe ...)
ALTER TABLE call ADD COLUMN total_budget  NUMERIC(18,2);   -- the whole call's budget, in the call's currency
ALTER TABLE call ADD COLUMN instrument    TEXT;            -- GRANT, COOPERATIVE_AGREEMENT, PRIZE, LOAN, PROCUREMENT ...
ALTER TABLE call ADD COLUMN closed_reason TEXT;            -- SOURCE_STATUS, DEADLINE_PASSED or DELISTED when status = CLOSED
ALTER TABLE call ADD COLUMN closed_at     TIMESTAMPTZ;
CREATE INDEX call_reference_idx ON call (reference) WHERE reference IS NOT NULL;
CREATE INDEX call_status_idx ON call (status);

-- Every opening and deadline of a call (EU two-stage calls have several deadlines);
-- call.deadline is the next one still ahead, or the last one once all have passed.
CREATE TABLE call_key_date (
    id         BIGSERIAL PRIMARY KEY,
    call_id    BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL,      -- OPENING, DEADLINE
    at         TIMESTAMPTZ NOT NULL,
    zone       TEXT        NOT NULL,      -- zone it was stated in (or the source's)
    label      TEXT,                      -- as the source names it ("Fecha de cierre", "Stage 2")
    date_only  BOOLEAN     NOT NULL       -- a day without a time: a deadline means its end
);
CREATE INDEX call_key_date_call_idx ON call_key_date (call_id);
CREATE INDEX call_key_date_kind_at_idx ON call_key_date (kind, at);

-- Each source that lists a call: its link, what it said last (normalised, as JSON) and when it
-- was seen. One call found on a funder's site and on an aggregator has two rows.
CREATE TABLE call_source (
    id             BIGSERIAL PRIMARY KEY,
    call_id        BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    source_id      TEXT        NOT NULL,
    external_id    TEXT        NOT NULL,
    url            TEXT,
    role           TEXT        NOT NULL,  -- FUNDER or AGGREGATOR: the funder's own values win
    content_hash   TEXT,                  -- of what this source said last; NULL before issue 3
    normalised     TEXT,                  -- JSON of what this source said last
    first_seen_at  TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL,
    gone_at        TIMESTAMPTZ,           -- a complete listing of the source no longer had it
    UNIQUE (source_id, external_id)
);
CREATE INDEX call_source_call_idx ON call_source (call_id);

-- Calls stored before: their one source, their deadline and opening as key dates.
INSERT INTO call_source (call_id, source_id, external_id, url, role, first_seen_at, last_seen_at)
SELECT id, source_id, external_id, source_url, 'FUNDER', first_seen_at, last_seen_at FROM call;
INSERT INTO call_key_date (call_id, kind, at, zone, date_only)
SELECT id, 'DEADLINE', deadline, COALESCE(deadline_zone, 'America/Lima'), FALSE FROM call WHERE deadline IS NOT NULL;
INSERT INTO call_key_date (call_id, kind, at, zone, date_only)
SELECT id, 'OPENING', opens_at, 'America/Lima', FALSE FROM call WHERE opens_at IS NOT NULL;
UPDATE call SET closed_reason = 'DEADLINE_PASSED', closed_at = deadline WHERE status = 'CLOSED';

-- Which source's record a version keeps; versions made by the closing sweep have none.
ALTER TABLE call_version ADD COLUMN source_id TEXT;
ALTER TABLE call_version ALTER COLUMN raw DROP NOT NULL;
