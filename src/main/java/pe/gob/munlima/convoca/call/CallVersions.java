package pe.gob.munlima.convoca.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The version history of calls: what changed, when, and the raw record behind it. Every
 * fetch that brings a source's record with something new is kept, even when another
 * source's values win and the call itself does not change.
 */
@Repository
public class CallVersions {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CallVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param raw the source's record, or null for a change Convoca made itself (a call
	 * closed because its deadline passed or its source stopped listing it)
	 * @param sourceId the source whose record it is, or null with no record
	 */
	void record(long callId, List<FieldChange> changes, RawCall raw, String sourceId, Instant at) {
		record(callId, changes, raw, sourceId, at, null, null);
	}

	/**
	 * A change a person made (a correction of the call's facts): who, and the note that
	 * says why.
	 */
	void record(long callId, List<FieldChange> changes, RawCall raw, String sourceId, Instant at, String author,
			String note) {
		this.jdbc
			.sql("INSERT INTO call_version (call_id, changed_at, changes, raw, source_id, author, note) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(callId, Timestamp.from(at), this.json.writeValueAsString(changes),
					raw == null ? null : this.json.writeValueAsString(raw), sourceId, author, note)
			.update();
	}

	/** Oldest first; the first version is the call as first seen (no changes). */
	public List<CallVersion> of(long callId) {
		return this.jdbc
			.sql("SELECT changed_at, changes, raw, source_id, author, note FROM call_version WHERE call_id = ? "
					+ "ORDER BY changed_at, id")
			.param(callId)
			.query((rs, n) -> new CallVersion(rs.getTimestamp("changed_at").toInstant(),
					this.json.readValue(rs.getString("changes"), CHANGES), rs.getString("raw"),
					rs.getString("source_id"), rs.getString("author"), rs.getString("note")))
			.list();
	}

	/**
	 * @param raw the source's record as JSON, exactly as it was read; null when Convoca
	 * made the change (closing)
	 * @param sourceId the source that sent the record (a call may have several), or null
	 * @param author who corrected the call's facts by hand, or null for a source's change
	 * @param note why they did
	 */
	public record CallVersion(Instant changedAt, List<FieldChange> changes, String raw, String sourceId, String author,
			String note) {
	}

}
