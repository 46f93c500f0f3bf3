package pe.gob.munlima.convoca.crawl;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fetch states in the fetch_state table. */
@Repository
class JdbcFetchStates implements FetchStates {

	private static final TypeReference<Map<String, List<String>>> READING = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcFetchStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<FetchState> find(String url) {
		return this.jdbc.sql("SELECT etag, last_modified, content_hash, fetched_at FROM fetch_state WHERE url = ?")
			.param(url)
			.query((rs, n) -> new FetchState(rs.getString("etag"), rs.getString("last_modified"),
					rs.getString("content_hash"), rs.getTimestamp("fetched_at").toInstant()))
			.optional();
	}

	@Override
	public Optional<Map<String, List<String>>> reading(String url) {
		return this.jdbc.sql("SELECT reading FROM fetch_state WHERE url = ? AND reading IS NOT NULL")
			.param(url)
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, READING));
	}

	@Override
	public void save(String url, FetchState state, Map<String, List<String>> reading) {
		this.jdbc
			.sql("INSERT INTO fetch_state (url, etag, last_modified, content_hash, fetched_at, reading) "
					+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, "
					+ "last_modified = EXCLUDED.last_modified, content_hash = EXCLUDED.content_hash, "
					+ "fetched_at = EXCLUDED.fetched_at, reading = EXCLUDED.reading")
			.params(url, state.etag(), state.lastModified(), state.contentHash(), Timestamp.from(state.fetchedAt()),
					this.json.writeValueAsString(reading))
			.update();
	}

	@Override
	public void save(String url, FetchState state) {
		this.jdbc
			.sql("INSERT INTO fetch_state (url, etag, last_modified, content_hash, fetched_at) VALUES (?, ?, ?, ?, ?) "
					+ "ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, "
					+ "content_hash = EXCLUDED.content_hash, fetched_at = EXCLUDED.fetched_at")
			.params(url, state.etag(), state.lastModified(), state.contentHash(), Timestamp.from(state.fetchedAt()))
			.update();
	}

}
