package pe.gob.munlima.convoca.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The corrections of calls' facts (table call_correction). */
@Repository
class CallCorrections {

	private static final String COLUMNS = "id, call_id, fact, value, evidence, note, author, origin, created_at, "
			+ "source_value, source_evidence, conflict_value, conflict_evidence, conflict_at, state, closed_at, "
			+ "closed_by";

	/** Amounts read back as written: 2.5 stays a decimal, never a binary double. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final JdbcClient jdbc;

	CallCorrections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The corrections laid over a call's sources, oldest first. */
	List<Correction> active(long callId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM call_correction WHERE call_id = ? AND state = 'ACTIVE' "
					+ "ORDER BY created_at, id")
			.param(callId)
			.query(CallCorrections::correction)
			.list();
	}

	/** Every correction of a call, the newest first: its part of the call's history. */
	List<Correction> ofCall(long callId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM call_correction WHERE call_id = ? ORDER BY created_at DESC, id DESC")
			.param(callId)
			.query(CallCorrections::correction)
			.list();
	}

	Optional<Correction> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM call_correction WHERE id = ?")
			.param(id)
			.query(CallCorrections::correction)
			.optional();
	}

	/** Every correction, oldest first: the reader's weak spots, and the export. */
	List<Correction> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM call_correction ORDER BY created_at, id")
			.query(CallCorrections::correction)
			.list();
	}

	/** The active corrections whose sources now say something else, oldest first. */
	List<Correction> conflicts() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM call_correction WHERE state = 'ACTIVE' AND conflict_at IS NOT NULL "
					+ "ORDER BY conflict_at, id")
			.query(CallCorrections::correction)
			.list();
	}

	long insert(long callId, String fact, Object value, String evidence, String note, String author,
			Correction.Origin origin, Instant at, Object sourceValue, String sourceEvidence) {
		return this.jdbc
			.sql("INSERT INTO call_correction (call_id, fact, value, evidence, note, author, origin, created_at, "
					+ "source_value, source_evidence) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) "
					+ "RETURNING id")
			.params(callId, fact, json(value), evidence, note, author, origin.name(), Timestamp.from(at),
					json(sourceValue), sourceEvidence)
			.query(Long.class)
			.single();
	}

	/** The active correction of the fact, if any, gives way to a newer one. */
	void supersede(long callId, String fact, String by, Instant at) {
		this.jdbc
			.sql("UPDATE call_correction SET state = 'SUPERSEDED', closed_at = ?, closed_by = ? "
					+ "WHERE call_id = ? AND fact = ? AND state = 'ACTIVE'")
			.params(Timestamp.from(at), by, callId, fact)
			.update();
	}

	void withdraw(long id, String by, Instant at) {
		this.jdbc
			.sql("UPDATE call_correction SET state = 'WITHDRAWN', closed_at = ?, closed_by = ? "
					+ "WHERE id = ? AND state = 'ACTIVE'")
			.params(Timestamp.from(at), by, id)
			.update();
	}

	/** The sources now say something else: kept beside the correction, which stays. */
	void conflict(long id, Object sourceValue, String sourceEvidence, Instant at) {
		this.jdbc
			.sql("UPDATE call_correction SET conflict_value = CAST(? AS jsonb), conflict_evidence = ?, conflict_at = ? "
					+ "WHERE id = ?")
			.params(json(sourceValue), sourceEvidence, Timestamp.from(at), id)
			.update();
	}

	/**
	 * What the sources say becomes the correction's reference point: the office kept its
	 * value against it, or the sources came round to it. Any conflict is settled.
	 */
	void rebase(long id, Object sourceValue, String sourceEvidence) {
		this.jdbc
			.sql("UPDATE call_correction SET source_value = CAST(? AS jsonb), source_evidence = ?, "
					+ "conflict_value = NULL, conflict_evidence = NULL, conflict_at = NULL WHERE id = ?")
			.params(json(sourceValue), sourceEvidence, id)
			.update();
	}

	private static String json(Object value) {
		return value == null ? null : JSON.writeValueAsString(value);
	}

	private static Object value(ResultSet rs, String column) throws SQLException {
		String text = rs.getString(column);
		return text == null ? null : JSON.readValue(text, Object.class);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Correction correction(ResultSet rs, int row) throws SQLException {
		return new Correction(rs.getLong("id"), rs.getLong("call_id"), rs.getString("fact"), value(rs, "value"),
				rs.getString("evidence"), rs.getString("note"), rs.getString("author"),
				Correction.Origin.valueOf(rs.getString("origin")), instant(rs, "created_at"), value(rs, "source_value"),
				rs.getString("source_evidence"), value(rs, "conflict_value"), rs.getString("conflict_evidence"),
				instant(rs, "conflict_at"), Correction.State.valueOf(rs.getString("state")), instant(rs, "closed_at"),
				rs.getString("closed_by"));
	}

}
