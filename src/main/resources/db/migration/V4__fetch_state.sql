-- What the crawler last saw at each URL, so an unchanged page costs nothing: conditional GET
-- (ETag / Last-Modified) and, for servers without them, the hash of the body.
CREATE TABLE fetch_state (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    content_hash   TEXT,
    fetched_at     TIMESTAMPTZ NOT NULL
);
