package pe.gob.munlima.convoca.match;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gerencias' answers, appended and never changed (the table refuses updates and
 * deletes): the newest answer of a (call, project) pair holds, the older ones are its
 * history.
 */
@Component
class AnswerStore {

	/**
	 * The one definition of a dismissed match, as a SQL condition on a {@code match m}:
	 * the newest answer of its pair is "no aplica" and was given to the verdict the match
	 * has now. The Panel's queries, the digest's filter and the answers page all use it.
	 */
	static final String DISMISSED = "EXISTS (SELECT 1 FROM match_answer a WHERE a.call_id = m.call_id "
			+ "AND a.project_id = m.project_id AND a.answer = 'NOT_APPLICABLE' AND a.verdict = m.verdict "
			+ "AND a.id = (SELECT max(b.id) FROM match_answer b WHERE b.call_id = m.call_id "
			+ "AND b.project_id = m.project_id))";

	private static final String COLUMNS = "SELECT id, call_id, project_id, answer, reason, note, verdict, answered_by, "
			+ "answered_at FROM match_answer ";

	private final JdbcClient jdbc;

	AnswerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	AnswerRow append(long callId, long projectId, Answer answer, String reason, String note, Verdict verdict,
			String actor, Instant at) {
		long id = this.jdbc.sql(
				"INSERT INTO match_answer (call_id, project_id, answer, reason, note, verdict, answered_by, answered_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(callId, projectId, answer.name(), reason, note, verdict.name(), actor, Timestamp.from(at))
			.query(Long.class)
			.single();
		return new AnswerRow(id, callId, projectId, answer, reason, note, verdict, actor, at);
	}

	/** Every answer of the pair, oldest first. */
	List<AnswerRow> history(long callId, long projectId) {
		return this.jdbc.sql(COLUMNS + "WHERE call_id = ? AND project_id = ? ORDER BY id")
			.params(callId, projectId)
			.query(AnswerStore::row)
			.list();
	}

	Optional<AnswerRow> latest(long callId, long projectId) {
		return this.jdbc.sql(COLUMNS + "WHERE call_id = ? AND project_id = ? ORDER BY id DESC LIMIT 1")
			.params(callId, projectId)
			.query(AnswerStore::row)
			.optional();
	}

	/** The newest answer of every answered pair, by pair. */
	Map<Pair, AnswerRow> latestOfAll() {
		Map<Pair, AnswerRow> latest = new HashMap<>();
		this.jdbc
			.sql("SELECT DISTINCT ON (call_id, project_id) id, call_id, project_id, answer, reason, note, verdict, "
					+ "answered_by, answered_at FROM match_answer ORDER BY call_id, project_id, id DESC")
			.query(AnswerStore::row)
			.list()
			.forEach(row -> latest.put(new Pair(row.callId(), row.projectId()), row));
		return latest;
	}

	/** The newest answer of each of one call's answered projects, by project. */
	Map<Long, AnswerRow> latestOfCall(long callId) {
		return this.jdbc
			.sql("SELECT DISTINCT ON (project_id) id, call_id, project_id, answer, reason, note, verdict, answered_by, "
					+ "answered_at FROM match_answer WHERE call_id = ? ORDER BY project_id, id DESC")
			.param(callId)
			.query(AnswerStore::row)
			.list()
			.stream()
			.collect(Collectors.toMap(AnswerRow::projectId, row -> row));
	}

	/** The newest answer of each of one project's answered calls, by call. */
	Map<Long, AnswerRow> latestOfProject(long projectId) {
		return this.jdbc
			.sql("SELECT DISTINCT ON (call_id) id, call_id, project_id, answer, reason, note, verdict, answered_by, "
					+ "answered_at FROM match_answer WHERE project_id = ? ORDER BY call_id, id DESC")
			.param(projectId)
			.query(AnswerStore::row)
			.list()
			.stream()
			.collect(Collectors.toMap(AnswerRow::callId, row -> row));
	}

	/** The ids of the matches a gerencia dismissed ({@link #DISMISSED}). */
	Set<Long> dismissedMatchIds() {
		return Set.copyOf(this.jdbc.sql("SELECT m.id FROM match m WHERE m.project_id IS NOT NULL AND " + DISMISSED)
			.query(Long.class)
			.list());
	}

	/**
	 * The project matches a gerencia is expected to answer: those it can act on
	 * (ELIGIBLE, NEEDS_REVIEW) and every one already answered, of one call or of all.
	 */
	List<Expected> expected(Long callId) {
		String sql = "SELECT m.id, m.call_id, m.project_id, m.verdict FROM match m WHERE m.project_id IS NOT NULL "
				+ "AND (m.verdict <> 'NOT_ELIGIBLE' OR EXISTS (SELECT 1 FROM match_answer a WHERE a.call_id = m.call_id "
				+ "AND a.project_id = m.project_id))";
		var query = callId == null ? this.jdbc.sql(sql + " ORDER BY m.call_id, m.score DESC, m.id")
				: this.jdbc.sql(sql + " AND m.call_id = ? ORDER BY m.score DESC, m.id").param(callId);
		return query
			.query((rs, n) -> new Expected(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("project_id"),
					Verdict.valueOf(rs.getString("verdict"))))
			.list();
	}

	private static AnswerRow row(ResultSet rs, int n) throws SQLException {
		return new AnswerRow(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("project_id"),
				Answer.valueOf(rs.getString("answer")), rs.getString("reason"), rs.getString("note"),
				Verdict.valueOf(rs.getString("verdict")), rs.getString("answered_by"),
				rs.getTimestamp("answered_at").toInstant());
	}

	record Pair(long callId, long projectId) {
	}

	record Expected(long matchId, long callId, long projectId, Verdict verdict) {
	}

	/**
	 * @param verdict the match's verdict when the answer was given
	 */
	record AnswerRow(long id, long callId, long projectId, Answer answer, String reason, String note, Verdict verdict,
			String answeredBy, Instant answeredAt) {

		/** A "no aplica" that still silences the match, whose verdict is {@code now}. */
		boolean dismisses(Verdict now) {
			return this.answer == Answer.NOT_APPLICABLE && this.verdict == now;
		}

	}

}
