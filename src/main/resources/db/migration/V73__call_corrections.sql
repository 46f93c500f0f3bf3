-- Corrections of a call's facts by the office (issue 17). A correction is a fact's value
-- as the subgerencia confirmed it, laid over what the sources say every time the call is
-- merged again, so it survives re-crawls, re-imports, restarts and index rebuilds.
--
-- source_value is what the sources said when the office corrected the fact: when the
-- sources later say something else, the correction stays applied and the difference is
-- kept as a conflict for the office to decide (nothing is silently overwritten).
CREATE TABLE call_correction (
    id                bigserial PRIMARY KEY,
    call_id           bigint      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    fact              text        NOT NULL,
    value             jsonb,
    evidence          text,
    note              text,
    author            text        NOT NULL,
    origin            text        NOT NULL CHECK (origin IN ('PAGE', 'API', 'QUEUE')),
    created_at        timestamptz NOT NULL,
    source_value      jsonb,
    source_evidence   text,
    conflict_value    jsonb,
    conflict_evidence text,
    conflict_at       timestamptz,
    state             text        NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'SUPERSEDED', 'WITHDRAWN')),
    closed_at         timestamptz,
    closed_by         text,
    CONSTRAINT call_correction_fact_length CHECK (char_length(fact) <= 64),
    CONSTRAINT call_correction_text_length CHECK (char_length(coalesce(evidence, '')) <= 4000
        AND char_length(coalesce(note, '')) <= 2000)
);

-- One active correction per fact of a call.
CREATE UNIQUE INDEX call_correction_active ON call_correction (call_id, fact) WHERE state = 'ACTIVE';
CREATE INDEX call_correction_conflicts ON call_correction (conflict_at) WHERE state = 'ACTIVE' AND conflict_at IS NOT NULL;

-- The facts of the call that rest on the office's word: {"fact": {"by": "...", "on": "2026-12-06"}}.
ALTER TABLE call ADD COLUMN confirmations jsonb;

-- Who made a change that no source brought (a correction), and why.
ALTER TABLE call_version ADD COLUMN author text;
ALTER TABLE call_version ADD COLUMN note text;
