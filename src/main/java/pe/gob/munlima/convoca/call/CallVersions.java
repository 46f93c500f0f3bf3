package pe.gob.munlima.convoca.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The version history of calls: what changed, when, and the raw record behind it. */
@Repository
public class CallVersions {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CallVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long callId, List<FieldChange> changes, RawCall raw, Instant at) {
		this.jdbc.sql("INSERT INTO call_version (call_id, changed_at, changes, raw) VALUES (?, ?, ?, ?)")
			.params(callId, Timestamp.from(at), this.json.writeValueAsString(changes),
					this.json.writeValueAsString(raw))
			.update();
	}

	/** Oldest first; the first version is the call as first seen (no changes). */
	public List<CallVersion> of(long callId) {
		return this.jdbc
			.sql("SELECT changed_at, changes, raw FROM call_version WHERE call_id = ? ORDER BY changed_at, id")
			.param(callId)
			.query((rs, n) -> new CallVersion(rs.getTimestamp("changed_at").toInstant(),
					this.json.readValue(rs.getString("changes"), CHANGES), rs.getString("raw")))
			.list();
	}

	/**
	 * @param raw the source's record as JSON, exactly as it was read
	 */
	public record CallVersion(Instant changedAt, List<FieldChange> changes, String raw) {
	}

}
