-- Issue 15, one event path. Spring Modulith's event publication registry (its schema v2 for
-- PostgreSQL, spring-modulith-events-jdbc 2.1): every publication to an @ApplicationModuleListener
-- (matching, alerts) is written here in the transaction that publishes the event and deleted when
-- the listener completes (completion-mode: delete); what stays is retried until it completes.
CREATE TABLE event_publication (
    id                     UUID        NOT NULL PRIMARY KEY,
    listener_id            TEXT        NOT NULL,
    event_type             TEXT        NOT NULL,
    serialized_event       TEXT        NOT NULL,
    publication_date       TIMESTAMPTZ NOT NULL,
    completion_date        TIMESTAMPTZ,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- The changes of calls the alerts heard (source updates, corrections, closings), dated by when
-- the call was stored: the change notices' key and the digest's "changed calls". One change is
-- recorded once, however often its event is handed over.
CREATE TABLE alert_call_change (
    id           BIGSERIAL   PRIMARY KEY,
    call_id      BIGINT      NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL CHECK (kind IN ('UPDATED', 'CLOSED')),
    changes      TEXT        NOT NULL,              -- JSON array of {field, before, after}
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX alert_call_change_once_uq ON alert_call_change (call_id, kind, recorded_at, md5(changes));
CREATE INDEX alert_call_change_recorded_idx ON alert_call_change (recorded_at);

-- The alerts' own record of the matches: the verdict the matcher last reported (MatchJudged) and
-- the one before it, and when a digest announced the pair. No foreign key to match: a pair the
-- matcher removed may still be reported by a listener running late.
CREATE TABLE alert_match (
    match_id        BIGINT      PRIMARY KEY,
    call_id         BIGINT      NOT NULL,
    project_id      BIGINT,
    gerencia_id     BIGINT,
    verdict_before  TEXT,                           -- NULL: first judged in the last report
    verdict         TEXT        NOT NULL,
    judged_at       TIMESTAMPTZ,                    -- NULL: only a digest recorded it so far
    announced_at    TIMESTAMPTZ
);
CREATE INDEX alert_match_call_idx ON alert_match (call_id);

-- What the alerts knew until now: every match as it stands, and what a digest announced.
INSERT INTO alert_match (match_id, call_id, project_id, gerencia_id, verdict, judged_at, announced_at)
SELECT id, call_id, project_id, gerencia_id, verdict, changed_at, alerted_at FROM match;
ALTER TABLE match DROP COLUMN alerted_at;

-- The call events already acted on keep their ids: the change notices in the outbox are keyed by
-- them ("change:<id>:<address>"), and a new change must not take the key of an old one.
INSERT INTO alert_call_change (id, call_id, kind, changes, recorded_at)
SELECT id, call_id, kind, changes, recorded_at FROM alert_call_event
WHERE kind <> 'NEW' AND processed_at IS NOT NULL
ON CONFLICT DO NOTHING;
SELECT setval(pg_get_serial_sequence('alert_call_change', 'id'),
              greatest((SELECT max(id) FROM alert_call_event), (SELECT max(id) FROM alert_call_change), 1));

-- Events recorded and not yet acted on become publications to the alerts' listeners (their ids
-- are fixed, @ApplicationModuleListener(id = ...)), resubmitted when the service starts. V40 did
-- not keep why a call closed; the alerts do not read it.
INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                               completion_attempts)
SELECT gen_random_uuid(),
       CASE WHEN kind = 'CLOSED' THEN 'alert.call-closed' ELSE 'alert.call-stored' END,
       CASE WHEN kind = 'CLOSED' THEN 'pe.gob.munlima.convoca.call.CallClosed'
            ELSE 'pe.gob.munlima.convoca.call.CallStored' END,
       CASE WHEN kind = 'CLOSED' THEN
                jsonb_build_object('callId', call_id, 'reason', 'DEADLINE_PASSED',
                                   'closedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                   'statusBefore', coalesce(CAST(changes AS JSONB) -> 0 ->> 'before', 'OPEN'))::text
            ELSE
                jsonb_build_object('callId', call_id, 'change', kind, 'changes', CAST(changes AS JSONB),
                                   'at', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
       END,
       created_at, 'PUBLISHED', 0
FROM alert_call_event
WHERE processed_at IS NULL
ORDER BY id;

DROP TABLE alert_call_event;
