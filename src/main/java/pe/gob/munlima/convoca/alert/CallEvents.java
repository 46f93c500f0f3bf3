package pe.gob.munlima.convoca.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.call.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alert_call_event table: what happened to calls, for the alerts to act on once. */
@Repository
class CallEvents {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private static final String SELECT = "SELECT id, call_id, kind, changes, recorded_at FROM alert_call_event ";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CallEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long callId, String kind, List<FieldChange> changes, Instant at) {
		this.jdbc.sql("INSERT INTO alert_call_event (call_id, kind, changes, recorded_at) VALUES (?, ?, ?, ?)")
			.params(callId, kind, this.json.writeValueAsString(changes), Timestamp.from(at))
			.update();
	}

	/**
	 * Records a closing unless an event of the call not yet processed already says it
	 * closed (the same transaction's update from its source).
	 */
	void recordClosing(long callId, FieldChange closing, Instant at) {
		this.jdbc
			.sql("INSERT INTO alert_call_event (call_id, kind, changes, recorded_at) SELECT ?, 'CLOSED', ?, ? "
					+ "WHERE NOT EXISTS (SELECT 1 FROM alert_call_event WHERE call_id = ? AND processed_at IS NULL "
					+ "AND CAST(changes AS JSONB) @> CAST(? AS JSONB))")
			.params(callId, this.json.writeValueAsString(List.of(closing)), Timestamp.from(at), callId,
					"[{\"field\":\"status\",\"after\":\"CLOSED\"}]")
			.update();
	}

	/**
	 * Locks the oldest unprocessed events that have settled (in the caller's
	 * transaction); another node skips them.
	 */
	List<CallEvent> lockDue(Duration settle, int limit) {
		return this.jdbc
			.sql(SELECT + "WHERE processed_at IS NULL AND created_at <= now() - make_interval(secs => ?) "
					+ "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(settle.toMillis() / 1000.0, limit)
			.query(this::row)
			.list();
	}

	void processed(long id) {
		this.jdbc.sql("UPDATE alert_call_event SET processed_at = now() WHERE id = ?").param(id).update();
	}

	/** Changes recorded in {@code (from, to]}; every change when {@code from} is null. */
	List<CallEvent> changesBetween(Instant from, Instant to) {
		return this.jdbc
			.sql(SELECT + "WHERE kind <> 'NEW' AND (CAST(? AS TIMESTAMPTZ) IS NULL OR recorded_at > ?) "
					+ "AND recorded_at <= ? ORDER BY recorded_at, id")
			.params(from == null ? null : Timestamp.from(from), from == null ? null : Timestamp.from(from),
					Timestamp.from(to))
			.query(this::row)
			.list();
	}

	long pending() {
		return this.jdbc.sql("SELECT count(*) FROM alert_call_event WHERE processed_at IS NULL")
			.query(Long.class)
			.single();
	}

	private CallEvent row(ResultSet rs, int n) throws SQLException {
		return new CallEvent(rs.getLong("id"), rs.getLong("call_id"), rs.getString("kind"),
				this.json.readValue(rs.getString("changes"), CHANGES), rs.getTimestamp("recorded_at").toInstant());
	}

}
