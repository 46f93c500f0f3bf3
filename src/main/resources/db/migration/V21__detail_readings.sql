-- What a detail page gave the last time it was read (JSON object: field -> values). When the
-- page answers 304 Not Modified or its body hashes the same, the crawler reuses these values
-- instead of reading the page again: an unchanged detail page costs one small request.
ALTER TABLE fetch_state ADD COLUMN reading TEXT;
