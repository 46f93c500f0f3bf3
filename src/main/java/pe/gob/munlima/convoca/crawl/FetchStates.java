package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the crawler remembers of each URL between runs. */
interface FetchStates {

	Optional<FetchState> find(String url);

	void save(String url, FetchState state);

	/**
	 * The fields a detail page gave when it was last read, for reuse while it is
	 * unchanged; empty when nothing was remembered (a store that keeps no readings).
	 */
	default Optional<Map<String, List<String>>> reading(String url) {
		return Optional.empty();
	}

	/** Saves the state of a detail page together with the fields read from it. */
	default void save(String url, FetchState state, Map<String, List<String>> reading) {
		save(url, state);
	}

	/**
	 * @param etag the validator the server sent, for If-None-Match
	 * @param lastModified the date the server sent, for If-Modified-Since
	 * @param contentHash SHA-256 of the body, for servers that send neither
	 */
	record FetchState(String etag, String lastModified, String contentHash, Instant fetchedAt) {
	}

}
