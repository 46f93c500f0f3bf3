package pe.gob.munlima.convoca.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import pe.gob.munlima.convoca.match.MatchJudged;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alerts' own record of the matches (table {@code alert_match}): the verdict the
 * matcher last reported for each pair and the one before it ({@link MatchJudged}), and
 * when a digest announced the pair. Change notices and the digest decide from it, not
 * from the match module's tables, so neither depends on whether the matcher or the alerts
 * heard of a change first.
 * <p>
 * There is no foreign key to {@code match}: a pair the matcher removes may still be
 * reported or announced by a listener running late, and must not fail it. The rows of
 * removed pairs are small and never read again (they are looked up by the ids of the
 * matches that exist).
 */
@Repository
class AlertMatches {

	private final JdbcClient jdbc;

	AlertMatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a verdict the matcher reported. A report older than the one recorded (a
	 * listener retried late) changes nothing; the same report twice changes nothing
	 * either.
	 */
	void heard(MatchJudged judged) {
		this.jdbc
			.sql("INSERT INTO alert_match (match_id, call_id, project_id, gerencia_id, verdict_before, verdict, "
					+ "judged_at) VALUES (:id, :call, :project, :gerencia, :before, :after, :at) "
					+ "ON CONFLICT (match_id) DO UPDATE SET verdict_before = EXCLUDED.verdict_before, "
					+ "verdict = EXCLUDED.verdict, judged_at = EXCLUDED.judged_at "
					+ "WHERE alert_match.judged_at IS NULL OR alert_match.judged_at <= EXCLUDED.judged_at")
			.param("id", judged.matchId())
			.param("call", judged.callId())
			.param("project", judged.projectId())
			.param("gerencia", judged.gerenciaId())
			.param("before", judged.before() == null ? null : judged.before().name())
			.param("after", judged.after().name())
			.param("at", Timestamp.from(judged.at()))
			.update();
	}

	/** The ids of these matches a digest already announced. */
	Set<Long> announced(Collection<Long> matchIds) {
		if (matchIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT match_id FROM alert_match WHERE match_id IN (:ids) AND announced_at IS NOT NULL")
					.param("ids", matchIds)
					.query(Long.class)
					.list());
	}

	/**
	 * Records that a digest announced these matches, in the digest's transaction; a pair
	 * whose report has not reached the alerts yet gets its row now (the report fills in
	 * the verdicts when it comes).
	 */
	void markAnnounced(Collection<MatchedCall> matches, Instant at) {
		for (MatchedCall match : matches) {
			this.jdbc
				.sql("INSERT INTO alert_match (match_id, call_id, project_id, gerencia_id, verdict, announced_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (match_id) DO UPDATE "
						+ "SET announced_at = coalesce(alert_match.announced_at, EXCLUDED.announced_at)")
				.params(match.matchId(), match.callId(), match.projectId(), match.gerenciaId(), match.verdict().name(),
						Timestamp.from(at))
				.update();
		}
	}

	/** What the alerts know of the pairs of one call. */
	List<KnownMatch> ofCall(long callId) {
		return this.jdbc
			.sql("SELECT match_id, project_id, gerencia_id, verdict_before, verdict, judged_at FROM alert_match "
					+ "WHERE call_id = ? ORDER BY match_id")
			.param(callId)
			.query(this::row)
			.list();
	}

	private KnownMatch row(ResultSet rs, int n) throws SQLException {
		String before = rs.getString("verdict_before");
		Timestamp judgedAt = rs.getTimestamp("judged_at");
		return new KnownMatch(rs.getLong("match_id"), rs.getObject("project_id", Long.class),
				rs.getObject("gerencia_id", Long.class), before == null ? null : Verdict.valueOf(before),
				Verdict.valueOf(rs.getString("verdict")), judgedAt == null ? null : judgedAt.toInstant());
	}

	/**
	 * A pair as the alerts know it.
	 *
	 * @param before the verdict before the last one reported; null for a pair first
	 * judged then
	 * @param judgedAt when the last verdict was reported; null when only a digest
	 * recorded the pair
	 */
	record KnownMatch(long matchId, Long projectId, Long gerenciaId, Verdict before, Verdict verdict,
			Instant judgedAt) {

		/**
		 * Whether the pair fitted the call before a change stored at {@code changedAt}:
		 * the verdict before the last report when that report came from a judgement made
		 * after the change (the matcher heard the change first), otherwise the last
		 * verdict. Either way the answer is the same whichever listener ran first.
		 */
		boolean fittedBefore(Instant changedAt) {
			Verdict then = this.judgedAt != null && this.judgedAt.isAfter(changedAt) ? this.before : this.verdict;
			return then != null && then != Verdict.NOT_ELIGIBLE;
		}

	}

}
