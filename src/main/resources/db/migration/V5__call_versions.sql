-- Every change of a call, field by field ("la fecha límite cambió de 15/03 a 30/04"), and
-- the raw record the source sent each time the call was new or changed.
CREATE TABLE call_version (
    id          BIGSERIAL PRIMARY KEY,
    call_id     BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    changed_at  TIMESTAMPTZ NOT NULL,
    changes     TEXT        NOT NULL,   -- JSON array of {field, before, after}
    raw         TEXT        NOT NULL    -- JSON of the raw record as the source sent it
);
CREATE INDEX call_version_call_idx ON call_version (call_id, changed_at);
