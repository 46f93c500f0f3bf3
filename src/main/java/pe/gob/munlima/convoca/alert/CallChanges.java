package pe.gob.munlima.convoca.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.call.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert_call_change table: the changes of calls the alerts heard (a source's update,
 * a correction, a closing), dated by when the call was stored. Change notices are keyed
 * by its id; the digest tells the changes of its window from it.
 */
@Repository
class CallChanges {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private static final String SELECT = "SELECT id, call_id, kind, changes, recorded_at FROM alert_call_change ";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CallChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a change, unless the same change is recorded already: an event handed over
	 * again (its listener completed, but the node stopped before the registry heard it)
	 * must not become a second notice.
	 * @return the change recorded now; empty when it was recorded before
	 */
	Optional<CallEvent> record(long callId, String kind, List<FieldChange> changes, Instant at) {
		String text = this.json.writeValueAsString(changes);
		return this.jdbc
			.sql("INSERT INTO alert_call_change (call_id, kind, changes, recorded_at) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT DO NOTHING RETURNING id")
			.params(callId, kind, text, Timestamp.from(at))
			.query(Long.class)
			.optional()
			.map(id -> new CallEvent(id, callId, kind, changes, at));
	}

	/**
	 * Whether a change of the call stored at that moment already says it closed: a
	 * closing that came with a source's update is in that update and is not told twice.
	 */
	boolean closedAt(long callId, Instant at) {
		return this.jdbc
			.sql("SELECT count(*) FROM alert_call_change WHERE call_id = ? AND recorded_at = ? "
					+ "AND CAST(changes AS JSONB) @> CAST(? AS JSONB)")
			.params(callId, Timestamp.from(at), "[{\"field\":\"status\",\"after\":\"CLOSED\"}]")
			.query(Long.class)
			.single() > 0;
	}

	/** Changes recorded in {@code (from, to]}; every change when {@code from} is null. */
	List<CallEvent> changesBetween(Instant from, Instant to) {
		return this.jdbc
			.sql(SELECT + "WHERE (CAST(? AS TIMESTAMPTZ) IS NULL OR recorded_at > ?) "
					+ "AND recorded_at <= ? ORDER BY recorded_at, id")
			.params(from == null ? null : Timestamp.from(from), from == null ? null : Timestamp.from(from),
					Timestamp.from(to))
			.query(this::row)
			.list();
	}

	private CallEvent row(ResultSet rs, int n) throws SQLException {
		return new CallEvent(rs.getLong("id"), rs.getLong("call_id"), rs.getString("kind"),
				this.json.readValue(rs.getString("changes"), CHANGES), rs.getTimestamp("recorded_at").toInstant());
	}

}
