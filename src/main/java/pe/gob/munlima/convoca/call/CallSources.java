package pe.gob.munlima.convoca.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sources that list each call (table call_source): the link, what the source said
 * last, and when it was seen or stopped being listed.
 */
@Repository
class CallSources {

	private static final String COLUMNS = "id, call_id, source_id, external_id, url, role, content_hash, normalised, "
			+ "first_seen_at, last_seen_at, gone_at";

	private final JdbcClient jdbc;

	CallSources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Link> find(String sourceId, String externalId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM call_source WHERE source_id = ? AND external_id = ?")
			.params(sourceId, externalId)
			.query(CallSources::link)
			.optional();
	}

	/** The links of a call, whose word counts first (funder's own, then the oldest). */
	List<Link> ofCall(long callId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM call_source WHERE call_id = ? "
					+ "ORDER BY CASE role WHEN 'FUNDER' THEN 0 ELSE 1 END, first_seen_at, id")
			.param(callId)
			.query(CallSources::link)
			.list();
	}

	void insert(long callId, NormalisedCall call, SourceInfo.SourceRole role, String hash, String json, Instant now) {
		this.jdbc
			.sql("INSERT INTO call_source (call_id, source_id, external_id, url, role, content_hash, normalised, "
					+ "first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(callId, call.sourceId(), call.externalId(), call.sourceUrl(), role.name(), hash, json,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** What the source says now; seen again, so no longer gone. */
	void update(long linkId, NormalisedCall call, SourceInfo.SourceRole role, String hash, String json, Instant now) {
		this.jdbc
			.sql("UPDATE call_source SET url = ?, role = ?, content_hash = ?, normalised = ?, last_seen_at = ?, "
					+ "gone_at = NULL WHERE id = ?")
			.params(call.sourceUrl(), role.name(), hash, json, Timestamp.from(now), linkId)
			.update();
	}

	void seen(long linkId, Instant now) {
		this.jdbc.sql("UPDATE call_source SET last_seen_at = ?, gone_at = NULL WHERE id = ?")
			.params(Timestamp.from(now), linkId)
			.update();
	}

	/**
	 * The links of a source still listed, whose item is not among those given: a complete
	 * listing no longer shows them.
	 */
	List<Link> listedExcept(String sourceId, Set<String> externalIds) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM call_source WHERE source_id = ? AND gone_at IS NULL "
					+ "AND NOT (external_id = ANY (?))")
			.params(sourceId, externalIds.toArray(String[]::new))
			.query(CallSources::link)
			.list();
	}

	void gone(long linkId, Instant now) {
		this.jdbc.sql("UPDATE call_source SET gone_at = ? WHERE id = ?").params(Timestamp.from(now), linkId).update();
	}

	/** The links of many calls at once (a page of a rebuild), oldest first. */
	Map<Long, List<CallLink>> views(Collection<Long> callIds) {
		Map<Long, List<CallLink>> views = new HashMap<>();
		if (callIds.isEmpty()) {
			return views;
		}
		this.jdbc
			.sql("SELECT " + COLUMNS + " FROM call_source WHERE call_id = ANY (?) "
					+ "ORDER BY CASE role WHEN 'FUNDER' THEN 0 ELSE 1 END, first_seen_at, id")
			.param(callIds.toArray(Long[]::new))
			.query(CallSources::link)
			.list()
			.forEach(link -> views.computeIfAbsent(link.callId(), id -> new ArrayList<>()).add(link.view()));
		return views;
	}

	private static Link link(ResultSet rs, int row) throws SQLException {
		return new Link(rs.getLong("id"), rs.getLong("call_id"), rs.getString("source_id"), rs.getString("external_id"),
				rs.getString("url"), SourceInfo.SourceRole.valueOf(rs.getString("role")), rs.getString("content_hash"),
				rs.getString("normalised"), instant(rs, "first_seen_at"), instant(rs, "last_seen_at"),
				instant(rs, "gone_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/**
	 * @param normalised JSON of the {@link NormalisedCall} the source gave last; null for
	 * links stored before sources were kept apart
	 */
	record Link(long id, long callId, String sourceId, String externalId, String url, SourceInfo.SourceRole role,
			String contentHash, String normalised, Instant firstSeenAt, Instant lastSeenAt, Instant goneAt) {

		CallLink view() {
			return new CallLink(this.sourceId, this.externalId, this.url, this.role, this.firstSeenAt, this.lastSeenAt,
					this.goneAt);
		}

	}

}
