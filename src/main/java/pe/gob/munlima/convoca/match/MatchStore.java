package pe.gob.munlima.convoca.match;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.rules.Assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes matches and their history: every change of verdict or reasons is appended to
 * match_history, so nothing is overwritten without a trace.
 */
@Component
class MatchStore {

	private final MatchRepository matches;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<MatchHold> holds;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param holds modules that keep matches alive (application tracking); none is fine
	 */
	MatchStore(MatchRepository matches, JdbcClient jdbc, Clock clock, List<MatchHold> holds) {
		this.matches = matches;
		this.jdbc = jdbc;
		this.clock = clock;
		this.holds = List.copyOf(holds);
	}

	Match saveForProject(long callId, long projectId, Assessment assessment, float score) {
		Match match = this.matches.findByCallIdAndProjectId(callId, projectId)
			.orElseGet(() -> Match.forProject(callId, projectId, this.clock.instant()));
		return save(match, assessment, score);
	}

	Match saveForGerencia(long callId, long gerenciaId, Assessment assessment, float score) {
		Match match = this.matches.findByCallIdAndGerenciaId(callId, gerenciaId)
			.orElseGet(() -> Match.forGerencia(callId, gerenciaId, this.clock.instant()));
		return save(match, assessment, score);
	}

	/**
	 * Removes the call's matches that are no longer candidates, except those another
	 * module holds (an application follows them): they keep their last verdict.
	 */
	void retain(long callId, Collection<Long> projectIds, Collection<Long> gerenciaIds) {
		for (Match match : this.matches.findByCallId(callId)) {
			boolean keep = match.getProjectId() != null ? projectIds.contains(match.getProjectId())
					: gerenciaIds.contains(match.getGerenciaId());
			if (!keep && !held(match.getId())) {
				this.matches.delete(match);
			}
		}
	}

	private boolean held(long matchId) {
		for (MatchHold hold : this.holds) {
			if (hold.holds(matchId)) {
				return true;
			}
		}
		return false;
	}

	void removeProjectMatch(long callId, long projectId) {
		this.matches.findByCallIdAndProjectId(callId, projectId).ifPresent(this.matches::delete);
	}

	List<HistoryEntry> history(long matchId) {
		return this.jdbc
			.sql("SELECT verdict, reasons, ruleset_version, recorded_at FROM match_history WHERE match_id = ? "
					+ "ORDER BY recorded_at, id")
			.param(matchId)
			.query((rs, n) -> new HistoryEntry(rs.getString("verdict"), rs.getString("reasons"),
					rs.getString("ruleset_version"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	private Match save(Match match, Assessment assessment, float score) {
		Instant now = this.clock.instant();
		String reasons = this.json.writeValueAsString(assessment.reasons());
		boolean changed = match.record(assessment.verdict().name(), reasons, score, assessment.ruleSetVersion(), now);
		Match saved = this.matches.save(match);
		if (changed) {
			this.jdbc
				.sql("INSERT INTO match_history (match_id, verdict, reasons, ruleset_version, recorded_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(saved.getId(), assessment.verdict().name(), reasons, assessment.ruleSetVersion(),
						Timestamp.from(now))
				.update();
		}
		return saved;
	}

	record HistoryEntry(String verdict, String reasons, String ruleSetVersion, Instant recordedAt) {
	}

}
