package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.stereotype.Component;

/**
 * The stored verdicts as a reader sees them, for the API and the pages alike: each with
 * its call's title and deadline, and its reasons in the reader's language.
 */
@Component
class MatchViews {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	/** Best first: ELIGIBLE, NEEDS_REVIEW, NOT_ELIGIBLE, each by relevance. */
	static final Comparator<MatchView> BEST_FIRST = Comparator
		.comparing((MatchView m) -> Verdict.valueOf(m.verdict()).ordinal())
		.reversed()
		.thenComparing(Comparator.comparingDouble(MatchView::score).reversed());

	private final MatchRepository matches;

	private final MatchStore store;

	private final Calls calls;

	private final ReasonRenderer renderer;

	private final JsonMapper json = JsonMapper.builder().build();

	MatchViews(MatchRepository matches, MatchStore store, Calls calls, ReasonRenderer renderer) {
		this.matches = matches;
		this.store = store;
		this.calls = calls;
		this.renderer = renderer;
	}

	/** A project's matches by relevance, all verdicts or one. */
	List<MatchView> ofProject(long projectId, Verdict verdict, Locale locale) {
		List<Match> found = verdict == null ? this.matches.findByProjectIdOrderByScoreDescCallIdAsc(projectId)
				: this.matches.findByProjectIdAndVerdictOrderByScoreDescCallIdAsc(projectId, verdict.name());
		return found.stream().map(match -> view(match, locale)).toList();
	}

	/** Every project and gerencia judged for a call, best verdict first. */
	List<MatchView> ofCall(long callId, Locale locale) {
		return this.matches.findByCallIdOrderByVerdictAscScoreDesc(callId)
			.stream()
			.map(match -> view(match, locale))
			.sorted(BEST_FIRST)
			.toList();
	}

	/** Calls that fit a gerencia's competences but none of its projects. */
	List<MatchView> ofGerencia(long gerenciaId, Locale locale) {
		return this.matches.findByGerenciaIdOrderByScoreDescCallIdAsc(gerenciaId)
			.stream()
			.map(match -> view(match, locale))
			.toList();
	}

	/**
	 * Every verdict a (call, project) pair has had, oldest first; empty if never judged.
	 */
	List<HistoryView> history(long callId, long projectId, Locale locale) {
		return this.matches.findByCallIdAndProjectId(callId, projectId)
			.map(match -> this.store.history(match.getId())
				.stream()
				.map(h -> new HistoryView(h.verdict(), h.ruleSetVersion(), h.recordedAt(),
						this.renderer.render(reasons(h.reasons()), locale)))
				.toList())
			.orElse(List.of());
	}

	boolean judged(long callId, long projectId) {
		return this.matches.findByCallIdAndProjectId(callId, projectId).isPresent();
	}

	private MatchView view(Match match, Locale locale) {
		CallView call = this.calls.find(match.getCallId()).orElseThrow();
		return new MatchView(match.getId(), call.id(), call.title(), call.funder(), call.sourceUrl(), call.deadline(),
				match.getProjectId(), match.getGerenciaId(), match.getVerdict(),
				this.renderer.verdict(match.getVerdict(), locale), match.getScore(),
				this.renderer.render(reasons(match.getReasons()), locale), match.getRuleSetVersion(),
				match.getFirstSeenAt(), match.getChangedAt());
	}

	private List<Reason> reasons(String json) {
		return this.json.readValue(json, REASONS);
	}

	/**
	 * @param matchId the stored match; its application (pipeline, checklist) is at
	 * {@code /api/applications/{matchId}} and the page {@code /postulaciones/{matchId}}
	 */
	record MatchView(long matchId, long callId, String callTitle, String funder, String sourceUrl, Instant deadline,
			Long projectId, Long gerenciaId, String verdict, String verdictLabel, float score,
			List<ReasonRenderer.RenderedReason> reasons, String ruleSetVersion, Instant firstSeenAt,
			Instant changedAt) {
	}

	record HistoryView(String verdict, String ruleSetVersion, Instant recordedAt,
			List<ReasonRenderer.RenderedReason> reasons) {
	}

}
