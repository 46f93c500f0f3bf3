-- What each crawl run did, for the office (GET /api/sources/{id}/runs): pages fetched,
-- items found and filtered out, calls unchanged and closed, whether the whole listing was
-- read (only then may vanished calls be closed), and the problems of single pages and
-- items, which do not fail a run.
ALTER TABLE crawl_run
    ADD COLUMN pages_fetched    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN items_filtered   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN calls_unchanged  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN calls_closed     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN listing_complete BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN error_count      INTEGER NOT NULL DEFAULT 0;

CREATE TABLE crawl_run_error (
    run_id    BIGINT  NOT NULL REFERENCES crawl_run (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    location  TEXT,
    message   TEXT    NOT NULL,
    PRIMARY KEY (run_id, position)
);

CREATE INDEX crawl_run_status_idx ON crawl_run (source_id, status);
