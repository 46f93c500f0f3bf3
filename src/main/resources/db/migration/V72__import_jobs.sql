-- A feed import above convoca.crawl.import.async-threshold items runs in the background as a
-- run of its source: kind IMPORT, items_found the items of the file, items_processed those
-- handled so far (stored, unchanged or refused). Being a crawl_run, a job whose process died
-- is marked INTERRUPTED at start-up like any run (V60, InterruptedRuns).
ALTER TABLE crawl_run
    ADD COLUMN kind            TEXT    NOT NULL DEFAULT 'CRAWL' CHECK (kind IN ('CRAWL', 'IMPORT')),
    ADD COLUMN items_processed INTEGER NOT NULL DEFAULT 0;
