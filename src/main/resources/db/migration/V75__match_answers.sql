-- The gerencias' answers (issue 17, item 5): a project owner says of a match (call × project)
-- "nos interesa" or "no aplica", with a reason of the list kept as data
-- (convoca.match.answers.reasons) and an optional note. Keyed by the pair, not by the match
-- row: a match that re-matching removes and finds again keeps its answers. Every answer is
-- appended; the newest of a pair holds, the rest is its history.

CREATE TABLE match_answer (
    id          BIGSERIAL PRIMARY KEY,
    call_id     BIGINT      NOT NULL REFERENCES call (id),
    project_id  BIGINT      NOT NULL REFERENCES project (id),
    answer      TEXT        NOT NULL CHECK (answer IN ('INTERESTED', 'NOT_APPLICABLE')),
    reason      TEXT        NOT NULL CHECK (length(reason) <= 60),
    note        TEXT        CHECK (length(note) <= 2000),
    -- The match's verdict when answered: a "no aplica" silences the pair only while the
    -- verdict stays this one (a new verdict is news again).
    verdict     TEXT        NOT NULL CHECK (verdict IN ('ELIGIBLE', 'NEEDS_REVIEW', 'NOT_ELIGIBLE')),
    answered_by TEXT        NOT NULL,
    answered_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX match_answer_pair_idx ON match_answer (call_id, project_id, id);

CREATE TRIGGER match_answer_append_only BEFORE UPDATE OR DELETE ON match_answer
    FOR EACH ROW EXECUTE FUNCTION convoca_append_only();
