package pe.gob.munlima.convoca.crawl;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fetch states in the fetch_state table. */
@Repository
class JdbcFetchStates implements FetchStates {

	private final JdbcClient jdbc;

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
	public void save(String url, FetchState state) {
		this.jdbc
			.sql("INSERT INTO fetch_state (url, etag, last_modified, content_hash, fetched_at) VALUES (?, ?, ?, ?, ?) "
					+ "ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, "
					+ "content_hash = EXCLUDED.content_hash, fetched_at = EXCLUDED.fetched_at")
			.params(url, state.etag(), state.lastModified(), state.contentHash(), Timestamp.from(state.fetchedAt()))
			.update();
	}

}
