package pe.gob.munlima.convoca.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The key dates of each call (table call_key_date), replaced whole when they change. */
@Repository
class KeyDates {

	private final JdbcClient jdbc;

	KeyDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void replace(long callId, List<KeyDate> dates) {
		this.jdbc.sql("DELETE FROM call_key_date WHERE call_id = ?").param(callId).update();
		for (KeyDate date : dates) {
			this.jdbc
				.sql("INSERT INTO call_key_date (call_id, kind, at, zone, label, date_only) VALUES (?, ?, ?, ?, ?, ?)")
				.params(callId, date.kind().name(), Timestamp.from(date.at()), date.zone(), date.label(),
						date.dateOnly())
				.update();
		}
	}

	List<KeyDate> of(long callId) {
		return of(List.of(callId)).getOrDefault(callId, List.of());
	}

	/** The key dates of many calls at once, each call's oldest first. */
	Map<Long, List<KeyDate>> of(Collection<Long> callIds) {
		Map<Long, List<KeyDate>> dates = new HashMap<>();
		if (callIds.isEmpty()) {
			return dates;
		}
		this.jdbc
			.sql("SELECT call_id, kind, at, zone, label, date_only FROM call_key_date WHERE call_id = ANY (?) "
					+ "ORDER BY call_id, at, id")
			.param(callIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("call_id"),
					new KeyDate(KeyDate.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("at").toInstant(),
							rs.getString("zone"), rs.getString("label"), rs.getBoolean("date_only"))))
			.list()
			.forEach(entry -> dates.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
		return dates;
	}

	/** Calls with a deadline in a window: the candidates for one call found twice. */
	List<Long> callsWithDeadlineBetween(Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT DISTINCT call_id FROM call_key_date WHERE kind = 'DEADLINE' AND at BETWEEN ? AND ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.list();
	}

}
