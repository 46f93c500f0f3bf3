package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.Optional;

/** What the crawler remembers of each URL between runs. */
interface FetchStates {

	Optional<FetchState> find(String url);

	void save(String url, FetchState state);

	/**
	 * @param etag the validator the server sent, for If-None-Match
	 * @param lastModified the date the server sent, for If-Modified-Since
	 * @param contentHash SHA-256 of the body, for servers that send neither
	 */
	record FetchState(String etag, String lastModified, String contentHash, Instant fetchedAt) {
	}

}
