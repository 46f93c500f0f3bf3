package pe.gob.munlima.convoca.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The digest_run table: one row per period, so a period is never sent twice. */
@Repository
class DigestRuns {

	private static final String SELECT = "SELECT id, period_key, trigger, window_from, window_to, messages, "
			+ "new_matches, closing_soon, changed_calls, created_at FROM digest_run ";

	private final JdbcClient jdbc;

	DigestRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a period. A second node claiming the same period waits for the first to
	 * commit, then finds it taken.
	 * @return the new run's id, or empty when the period already ran
	 */
	Optional<Long> claim(String period, String trigger, Instant windowFrom, Instant windowTo) {
		return this.jdbc
			.sql("INSERT INTO digest_run (period_key, trigger, window_from, window_to, messages, new_matches, "
					+ "closing_soon, changed_calls) VALUES (?, ?, ?, ?, 0, 0, 0, 0) ON CONFLICT (period_key) DO NOTHING "
					+ "RETURNING id")
			.params(period, trigger, windowFrom == null ? null : Timestamp.from(windowFrom), Timestamp.from(windowTo))
			.query(Long.class)
			.optional();
	}

	void complete(long id, int messages, int newMatches, int closingSoon, int changedCalls) {
		this.jdbc
			.sql("UPDATE digest_run SET messages = ?, new_matches = ?, closing_soon = ?, changed_calls = ? "
					+ "WHERE id = ?")
			.params(messages, newMatches, closingSoon, changedCalls, id)
			.update();
	}

	Optional<DigestRun> find(String period) {
		return this.jdbc.sql(SELECT + "WHERE period_key = ?").param(period).query(this::row).optional();
	}

	/** The end of the latest window: where the next digest starts. */
	Optional<Instant> lastWindowEnd() {
		return this.jdbc.sql("SELECT window_to FROM digest_run ORDER BY window_to DESC LIMIT 1")
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	List<DigestRun> recent(int limit) {
		return this.jdbc.sql(SELECT + "ORDER BY window_to DESC, id DESC LIMIT ?").param(limit).query(this::row).list();
	}

	private DigestRun row(ResultSet rs, int n) throws SQLException {
		Timestamp from = rs.getTimestamp("window_from");
		return new DigestRun(rs.getLong("id"), rs.getString("period_key"), rs.getString("trigger"),
				from == null ? null : from.toInstant(), rs.getTimestamp("window_to").toInstant(), rs.getInt("messages"),
				rs.getInt("new_matches"), rs.getInt("closing_soon"), rs.getInt("changed_calls"),
				rs.getTimestamp("created_at").toInstant());
	}

}
