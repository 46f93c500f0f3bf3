-- Application tracking (issue 8): a match (call × project) moved through the pipeline
-- identificada → en evaluación → postulando → presentada → adjudicada | no adjudicada, or
-- descartada. The current stage is kept on the application for queries; the truth is the
-- append-only history beside it.

CREATE TABLE application (
    id                 BIGSERIAL PRIMARY KEY,
    -- No cascade: the match module keeps a match an application follows (MatchHold).
    match_id           BIGINT        NOT NULL UNIQUE REFERENCES match (id),
    call_id            BIGINT        NOT NULL REFERENCES call (id),
    project_id         BIGINT        NOT NULL REFERENCES project (id),
    stage              TEXT          NOT NULL CHECK (stage IN ('IDENTIFIED', 'EVALUATING', 'APPLYING', 'SUBMITTED',
                                                               'AWARDED', 'NOT_AWARDED', 'DISCARDED')),
    stage_since        TIMESTAMPTZ   NOT NULL,
    -- What was asked of the funder, fixed when the application is submitted.
    requested_amount   NUMERIC(16,2) CHECK (requested_amount > 0),
    requested_currency TEXT,
    created_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX application_stage_idx ON application (stage);
CREATE INDEX application_project_idx ON application (project_id);

-- Every stage an application entered: who, when, why. Never updated nor deleted.
CREATE TABLE application_stage_change (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT      NOT NULL REFERENCES application (id),
    from_stage     TEXT,                           -- NULL for the first entry (identificada)
    to_stage       TEXT        NOT NULL,
    discard_reason TEXT,                           -- a code of convoca.tracking.discard-reasons
    note           TEXT,
    changed_by     TEXT        NOT NULL,           -- username; "convoca" when the match was found
    changed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_stage_change_app_idx ON application_stage_change (application_id, id);
CREATE INDEX application_stage_change_time_idx ON application_stage_change (to_stage, changed_at);

-- What an awarded application brought. A correction appends a row; the last one holds.
CREATE TABLE application_award (
    id                 BIGSERIAL PRIMARY KEY,
    application_id     BIGINT        NOT NULL REFERENCES application (id),
    amount             NUMERIC(16,2) NOT NULL CHECK (amount > 0),
    currency           TEXT          NOT NULL,
    awarded_on         DATE          NOT NULL,
    document_type      TEXT,                       -- a code of convoca.tracking.document-types
    document_reference TEXT,                       -- e.g. Convenio N° 045-2026-MML
    recorded_by        TEXT          NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX application_award_app_idx ON application_award (application_id, id);

-- The checklist of an application: tasks derived from the match's findings (the finding
-- is kept, so the task renders in Spanish or English) and tasks users add.
CREATE TABLE application_task (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT      NOT NULL REFERENCES application (id),
    origin         TEXT        NOT NULL CHECK (origin IN ('FINDING', 'USER')),
    rule_id        TEXT,
    finding        TEXT,                           -- JSON of the reason it came from
    title          TEXT,                           -- what a user wrote (or a later edit)
    owner          TEXT,                           -- username responsible
    due_on         DATE,                           -- internal due date, Lima's calendar
    done_at        TIMESTAMPTZ,
    done_by        TEXT,
    removed_at     TIMESTAMPTZ,
    removed_by     TEXT,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT application_task_origin CHECK ((origin = 'FINDING') = (finding IS NOT NULL)),
    CONSTRAINT application_task_text CHECK (title IS NOT NULL OR finding IS NOT NULL)
);
CREATE INDEX application_task_app_idx ON application_task (application_id, id);
CREATE INDEX application_task_due_idx ON application_task (due_on) WHERE done_at IS NULL AND removed_at IS NULL;

-- Who did what to each task (created, edited, done, undone, removed). Never updated nor deleted.
CREATE TABLE application_task_event (
    id      BIGSERIAL PRIMARY KEY,
    task_id BIGINT      NOT NULL REFERENCES application_task (id),
    action  TEXT        NOT NULL CHECK (action IN ('CREATED', 'EDITED', 'DONE', 'UNDONE', 'REMOVED')),
    detail  TEXT,
    actor   TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_task_event_task_idx ON application_task_event (task_id, id);

-- Histories are append-only, whatever writes to the database.
CREATE FUNCTION convoca_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER application_stage_change_append_only BEFORE UPDATE OR DELETE ON application_stage_change
    FOR EACH ROW EXECUTE FUNCTION convoca_append_only();
CREATE TRIGGER application_award_append_only BEFORE UPDATE OR DELETE ON application_award
    FOR EACH ROW EXECUTE FUNCTION convoca_append_only();
CREATE TRIGGER application_task_event_append_only BEFORE UPDATE OR DELETE ON application_task_event
    FOR EACH ROW EXECUTE FUNCTION convoca_append_only();
