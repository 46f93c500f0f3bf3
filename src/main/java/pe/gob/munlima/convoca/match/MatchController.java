package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What project owners ask: which calls fit my project, and why (not). */
@RestController
@RequestMapping("/api")
class MatchController {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final int CHECK_LIMIT = 50;

	private final MatchRepository matches;

	private final MatchStore store;

	private final Matcher matcher;

	private final Calls calls;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ReasonRenderer renderer;

	private final java.time.Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	MatchController(MatchRepository matches, MatchStore store, Matcher matcher, Calls calls, Projects projects,
			Eligibility eligibility, ReasonRenderer renderer, java.time.Clock clock) {
		this.clock = clock;
		this.matches = matches;
		this.store = store;
		this.matcher = matcher;
		this.calls = calls;
		this.projects = projects;
		this.eligibility = eligibility;
		this.renderer = renderer;
	}

	@GetMapping("/projects/{id}/matches")
	List<MatchView> projectMatches(@PathVariable long id, @RequestParam(required = false) Verdict verdict,
			Locale locale) {
		ProjectProfile project = project(id);
		List<Match> found = verdict == null ? this.matches.findByProjectIdOrderByScoreDescCallIdAsc(project.id())
				: this.matches.findByProjectIdAndVerdictOrderByScoreDescCallIdAsc(project.id(), verdict.name());
		return found.stream().map(match -> view(match, locale)).toList();
	}

	/** Every project and gerencia judged for a call, worst verdict last. */
	@GetMapping("/calls/{id}/matches")
	List<MatchView> callMatches(@PathVariable long id, Locale locale) {
		call(id);
		return this.matches.findByCallIdOrderByVerdictAscScoreDesc(id)
			.stream()
			.map(match -> view(match, locale))
			.sorted(Comparator.comparing((MatchView m) -> Verdict.valueOf(m.verdict()).ordinal())
				.reversed()
				.thenComparing(Comparator.comparingDouble(MatchView::score).reversed()))
			.toList();
	}

	/** Calls that fit a gerencia's competences but none of its projects. */
	@GetMapping("/gerencias/{id}/matches")
	List<MatchView> gerenciaMatches(@PathVariable long id, Locale locale) {
		return this.matches.findByGerenciaIdOrderByScoreDescCallIdAsc(id)
			.stream()
			.map(match -> view(match, locale))
			.toList();
	}

	@GetMapping("/matches/{callId}/{projectId}/history")
	List<HistoryView> history(@PathVariable long callId, @PathVariable long projectId, Locale locale) {
		Match match = this.matches.findByCallIdAndProjectId(callId, projectId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No hay coincidencia guardada"));
		return this.store.history(match.getId())
			.stream()
			.map(h -> new HistoryView(h.verdict(), h.ruleSetVersion(), h.recordedAt(),
					this.renderer.render(this.json.readValue(h.reasons(), REASONS), locale)))
			.toList();
	}

	/** A fresh evaluation with the active rules, whatever is stored. */
	@GetMapping("/eligibility")
	EligibilityView eligibility(@RequestParam("call") long callId, @RequestParam("project") long projectId,
			Locale locale) {
		CallView call = call(callId);
		ProjectProfile project = project(projectId);
		Portfolio portfolio = this.matcher.portfolio()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "Perfil institucional no configurado"));
		Rules rules = this.eligibility.active();
		Assessment assessment = rules.evaluate(FactsAssembler.call(call, rules.parameters()),
				FactsAssembler.project(project, rules.parameters()),
				FactsAssembler.applicant(portfolio.organisation(), rules.parameters()), this.matcher.context(rules));
		return new EligibilityView(call.id(), call.title(), call.funder(), project.id(), project.title(),
				assessment.verdict().name(), this.renderer.verdict(assessment.verdict().name(), locale),
				this.renderer.render(assessment.reasons(), locale), assessment.ruleSetVersion());
	}

	/**
	 * "¿Mi proyecto califica?": an unsaved project against every open call, ranked
	 * ELIGIBLE first, then NEEDS_REVIEW, then NOT_ELIGIBLE, each by relevance. Nothing is
	 * stored.
	 */
	@PostMapping("/eligibility/check")
	List<CheckView> check(@Valid @RequestBody ProjectForm form, Locale locale) {
		ProjectProfile draft = this.projects.preview(form);
		Portfolio portfolio = this.matcher.portfolio()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "Perfil institucional no configurado"));
		Portfolio single = new Portfolio(portfolio.organisation(), List.of(draft), List.<GerenciaProfile>of());
		Rules rules = this.eligibility.active();
		List<CheckView> ranked = new ArrayList<>();
		this.calls.forEachOpen(this.clock.instant(), Matcher.PAGE, page -> page.forEach(call -> {
			for (Judge.Judged judged : this.matcher.judge(call, rules, single)) {
				ranked.add(new CheckView(call.id(), call.title(), call.funder(), call.deadline(),
						judged.assessment().verdict().name(),
						this.renderer.verdict(judged.assessment().verdict().name(), locale), judged.score(),
						this.renderer.render(judged.assessment().reasons(), locale)));
			}
		}));
		return ranked.stream()
			.sorted(Comparator.comparing((CheckView c) -> Verdict.valueOf(c.verdict()).ordinal())
				.reversed()
				.thenComparing(Comparator.comparingDouble(CheckView::score).reversed()))
			.limit(CHECK_LIMIT)
			.toList();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private CallView call(long id) {
		return this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
	}

	private ProjectProfile project(long id) {
		return this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
	}

	private MatchView view(Match match, Locale locale) {
		CallView call = this.calls.find(match.getCallId()).orElseThrow();
		List<Reason> reasons = this.json.readValue(match.getReasons(), REASONS);
		return new MatchView(match.getId(), call.id(), call.title(), call.funder(), call.sourceUrl(), call.deadline(),
				match.getProjectId(), match.getGerenciaId(), match.getVerdict(),
				this.renderer.verdict(match.getVerdict(), locale), match.getScore(),
				this.renderer.render(reasons, locale), match.getRuleSetVersion(), match.getFirstSeenAt(),
				match.getChangedAt());
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

	record EligibilityView(long callId, String callTitle, String funder, long projectId, String projectTitle,
			String verdict, String verdictLabel, List<ReasonRenderer.RenderedReason> reasons, String ruleSetVersion) {
	}

	record CheckView(long callId, String callTitle, String funder, Instant deadline, String verdict,
			String verdictLabel, float score, List<ReasonRenderer.RenderedReason> reasons) {
	}

	record HistoryView(String verdict, String ruleSetVersion, Instant recordedAt,
			List<ReasonRenderer.RenderedReason> reasons) {
	}

}
