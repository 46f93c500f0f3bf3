package pe.gob.munlima.convoca.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved_search and saved_search_hit tables. */
@Repository
class SavedSearches {

	private static final TypeReference<Map<String, List<String>>> PARAMS = new TypeReference<>() {
	};

	private static final String SELECT = "SELECT id, username, name, params, frequency, include_not_eligible, "
			+ "created_at, updated_at, last_alert_at FROM saved_search ";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	SavedSearches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SavedSearch> ofUser(String username) {
		return this.jdbc.sql(SELECT + "WHERE username = ? ORDER BY id").param(username).query(this::row).list();
	}

	/** Every search that e-mails its new results. */
	List<SavedSearch> subscribed() {
		return this.jdbc.sql(SELECT + "WHERE frequency <> 'OFF' ORDER BY id").query(this::row).list();
	}

	Optional<SavedSearch> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE id = ?").param(id).query(this::row).optional();
	}

	long insert(String username, String name, Map<String, List<String>> params, String frequency,
			boolean includeNotEligible, Instant now) {
		return this.jdbc
			.sql("INSERT INTO saved_search (username, name, params, frequency, include_not_eligible, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(username, name, this.json.writeValueAsString(params), frequency, includeNotEligible,
					Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void update(long id, String name, Map<String, List<String>> params, String frequency, boolean includeNotEligible,
			Instant now) {
		this.jdbc
			.sql("UPDATE saved_search SET name = ?, params = ?, frequency = ?, include_not_eligible = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(name, this.json.writeValueAsString(params), frequency, includeNotEligible, Timestamp.from(now), id)
			.update();
	}

	void setFrequency(long id, String frequency) {
		this.jdbc.sql("UPDATE saved_search SET frequency = ? WHERE id = ?").params(frequency, id).update();
	}

	boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM saved_search WHERE id = ?").param(id).update() == 1;
	}

	/** A new call the search found; false when it had already found it. */
	boolean hit(long searchId, long callId, Instant at) {
		return this.jdbc
			.sql("INSERT INTO saved_search_hit (saved_search_id, call_id, found_at) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING")
			.params(searchId, callId, Timestamp.from(at))
			.update() == 1;
	}

	/** Calls found and not yet e-mailed, in the order they were found. */
	List<Long> unsentHits(long searchId) {
		return this.jdbc
			.sql("SELECT call_id FROM saved_search_hit WHERE saved_search_id = ? AND alert_key IS NULL "
					+ "ORDER BY found_at, call_id")
			.param(searchId)
			.query(Long.class)
			.list();
	}

	/** Calls found since the search was saved, newest first. */
	List<Long> hits(long searchId, int limit) {
		return this.jdbc
			.sql("SELECT call_id FROM saved_search_hit WHERE saved_search_id = ? "
					+ "ORDER BY found_at DESC, call_id DESC LIMIT ?")
			.params(searchId, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Marks hits as dealt with: the key of the e-mail that listed them, or why none did.
	 */
	void settle(long searchId, List<Long> callIds, String alertKey, Instant at) {
		for (Long callId : callIds) {
			this.jdbc.sql("UPDATE saved_search_hit SET alert_key = ? WHERE saved_search_id = ? AND call_id = ?")
				.params(alertKey, searchId, callId)
				.update();
		}
		this.jdbc.sql("UPDATE saved_search SET last_alert_at = ? WHERE id = ?")
			.params(Timestamp.from(at), searchId)
			.update();
	}

	private SavedSearch row(ResultSet rs, int n) throws SQLException {
		Timestamp last = rs.getTimestamp("last_alert_at");
		return new SavedSearch(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
				this.json.readValue(rs.getString("params"), PARAMS), rs.getString("frequency"),
				rs.getBoolean("include_not_eligible"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), last == null ? null : last.toInstant());
	}

}
