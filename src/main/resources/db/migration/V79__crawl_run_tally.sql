-- What a run read and what it stored, part by part (issue 16): sources of kind iati count
-- activities, sectors, locations, transactions, budgets, participating organisations and
-- recipient countries/regions read in the file and stored in the database, so that an import
-- "without loss" is measured, not assumed (GET /api/sources/{id}/runs, field tallies).
CREATE TABLE crawl_run_tally (
    run_id   BIGINT  NOT NULL REFERENCES crawl_run (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    part     TEXT    NOT NULL,
    read     INTEGER NOT NULL,
    stored   INTEGER NOT NULL,
    PRIMARY KEY (run_id, position)
);
