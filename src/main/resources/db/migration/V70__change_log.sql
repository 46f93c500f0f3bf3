-- The change log every node follows (issue 15): each node keeps its own Lucene index, rule
-- base, thesaurus and source catalogue, and applies every entry of this table to them in
-- seq order, remembering the last seq it applied. The log is written in the transaction of
-- the change itself, so an entry exists exactly when the change committed.
CREATE TABLE change_log (
    seq         BIGSERIAL   PRIMARY KEY,
    kind        TEXT        NOT NULL,           -- CALL, RULES, THESAURUS, SOURCES
    subject_id  BIGINT,                         -- call id, rule_version id; NULL for THESAURUS, SOURCES
    -- The writing transaction: with the unique index below, one entry per call and
    -- transaction however many rows of it (call, key dates, links) the transaction touched.
    tx          XID8        NOT NULL DEFAULT pg_current_xact_id(),
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX change_log_once_per_tx ON change_log (tx, kind, subject_id);
CREATE INDEX change_log_at_idx ON change_log (at);

-- The highest seq pruning removed: a node whose last applied seq is below it missed
-- entries and rebuilds its index from the database instead of following the log.
CREATE TABLE change_log_pruned (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    upto   BIGINT  NOT NULL
);
INSERT INTO change_log_pruned (id, upto) VALUES (1, 0);

-- Calls are written by the intake, the closing job, dedup merges and whatever comes next;
-- triggers log them all without any of that code knowing (a Java call that a new code path
-- forgets would bring back issue 15's stale node). Key dates and links are part of what
-- the index shows, so their rows log their call too. A crawl that finds a call unchanged
-- only moves last_seen_at: that is not a change (the row is compared as JSON without it, so
-- the comparison follows whatever columns the call table gains or loses).
CREATE FUNCTION change_log_call() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'call' THEN
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.call_id ELSE NEW.call_id END;
    END IF;
    -- Looked up first: an INSERT that conflicts still takes a seq, and every seq taken and
    -- never committed is a gap the followers must wait out.
    IF NOT EXISTS (SELECT 1 FROM change_log
                   WHERE tx = pg_current_xact_id() AND kind = 'CALL' AND subject_id = changed) THEN
        INSERT INTO change_log (kind, subject_id) VALUES ('CALL', changed) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER call_logged AFTER INSERT OR DELETE ON call
    FOR EACH ROW EXECUTE FUNCTION change_log_call();
CREATE TRIGGER call_logged_update AFTER UPDATE ON call
    FOR EACH ROW WHEN (to_jsonb(OLD) - 'last_seen_at' IS DISTINCT FROM to_jsonb(NEW) - 'last_seen_at')
    EXECUTE FUNCTION change_log_call();
CREATE TRIGGER call_key_date_logged AFTER INSERT OR UPDATE OR DELETE ON call_key_date
    FOR EACH ROW EXECUTE FUNCTION change_log_call();
CREATE TRIGGER call_source_logged AFTER INSERT OR DELETE ON call_source
    FOR EACH ROW EXECUTE FUNCTION change_log_call();
CREATE TRIGGER call_source_logged_update AFTER UPDATE ON call_source
    FOR EACH ROW WHEN (to_jsonb(OLD) - 'last_seen_at' IS DISTINCT FROM to_jsonb(NEW) - 'last_seen_at')
    EXECUTE FUNCTION change_log_call();

-- Every activation, rollback and folder edit of the rules is a row of rule_version with its
-- files: the other nodes compile and activate that row.
CREATE FUNCTION change_log_rule_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_log (kind, subject_id) VALUES ('RULES', NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER rule_version_logged AFTER INSERT ON rule_version
    FOR EACH ROW EXECUTE FUNCTION change_log_rule_version();

-- Wakes the nodes that LISTEN: PostgreSQL delivers a NOTIFY at commit (never for a rolled
-- back change) and folds identical ones of a transaction into one. The payload is empty;
-- a node reads what is new from the table, so a lost notification costs only latency (the
-- nodes also poll).
CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('convoca_change_log', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify();
