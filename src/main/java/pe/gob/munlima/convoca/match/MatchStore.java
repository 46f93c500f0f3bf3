package pe.gob.munlima.convoca.match;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.HashSet;
import java.util.HashMap;
import java.util.ArrayList;

import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes matches and their history: every change of verdict or reasons is appended to
 * match_history, so nothing is overwritten without a trace, and published as
 * {@link MatchJudged} in the same transaction (the event publication registry stores it
 * with the verdict, so the alerts hear every move once it commits, even after a crash).
 */
@Component
class MatchStore {

	private final MatchRepository matches;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<MatchHold> holds;

	private final ApplicationEventPublisher events;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param holds modules that keep matches alive (application tracking); none is fine
	 */
	MatchStore(MatchRepository matches, JdbcClient jdbc, Clock clock, List<MatchHold> holds,
			ApplicationEventPublisher events) {
		this.matches = matches;
		this.jdbc = jdbc;
		this.clock = clock;
		this.holds = List.copyOf(holds);
		this.events = events;
	}

	/**
	 * Stores every verdict of one call and removes the call's matches that are no longer
	 * candidates (but those another module holds). The call's matches are read once, not
	 * once per verdict: a call judged against a thousand projects is a thousand updates,
	 * not a thousand reads as well.
	 */
	void saveCall(long callId, List<Judge.Judged> judged) {
		Map<Long, Match> byProject = new HashMap<>();
		Map<Long, Match> byGerencia = new HashMap<>();
		for (Match match : this.matches.findByCallId(callId)) {
			(match.getProjectId() != null ? byProject : byGerencia)
				.put(match.getProjectId() != null ? match.getProjectId() : match.getGerenciaId(), match);
		}
		Instant now = this.clock.instant();
		List<Match> toSave = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		Map<Match, String> before = new java.util.LinkedHashMap<>();
		for (Judge.Judged j : judged) {
			Match match = j.gerencia() != null
					? byGerencia.computeIfAbsent(j.gerencia().id(), id -> Match.forGerencia(callId, id, now))
					: byProject.computeIfAbsent(j.project().id(), id -> Match.forProject(callId, id, now));
			String reasons = this.json.writeValueAsString(j.assessment().reasons());
			String previous = match.getVerdict();
			if (match.record(j.assessment().verdict().name(), reasons, j.score(), j.assessment().ruleSetVersion(),
					now)) {
				history.add(new Object[] { match, j.assessment().verdict().name(), reasons,
						j.assessment().ruleSetVersion() });
				before.put(match, previous);
			}
			toSave.add(match);
		}
		this.matches.saveAll(toSave);
		this.matches.flush();
		for (Object[] entry : history) {
			this.jdbc
				.sql("INSERT INTO match_history (match_id, verdict, reasons, ruleset_version, recorded_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(((Match) entry[0]).getId(), entry[1], entry[2], entry[3], Timestamp.from(now))
				.update();
		}
		before.forEach((match,
				previous) -> this.events.publishEvent(new MatchJudged(match.getId(), callId, match.getProjectId(),
						match.getGerenciaId(), previous == null ? null : Verdict.valueOf(previous),
						Verdict.valueOf(match.getVerdict()), now)));
		Set<Long> projectIds = new HashSet<>();
		Set<Long> gerenciaIds = new HashSet<>();
		judged.forEach(j -> (j.gerencia() != null ? gerenciaIds : projectIds)
			.add(j.gerencia() != null ? j.gerencia().id() : j.project().id()));
		List<Match> gone = new ArrayList<>();
		byProject.forEach((id, match) -> {
			if (!projectIds.contains(id) && match.getId() != null && !held(match.getId())) {
				gone.add(match);
			}
		});
		byGerencia.forEach((id, match) -> {
			if (!gerenciaIds.contains(id) && match.getId() != null && !held(match.getId())) {
				gone.add(match);
			}
		});
		this.matches.deleteAll(gone);
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

	record HistoryEntry(String verdict, String reasons, String ruleSetVersion, Instant recordedAt) {
	}

}
