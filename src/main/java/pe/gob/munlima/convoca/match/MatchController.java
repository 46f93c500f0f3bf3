package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What project owners ask: which calls fit my project, and why (not). A wrong parameter
 * type or an unknown gerencia is answered by the API's common error handling
 * (problem+json, Spanish).
 */
@RestController
@RequestMapping("/api")
class MatchController {

	private final MatchViews views;

	private final EligibilityCheck checker;

	private final Matcher matcher;

	private final Calls calls;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ReasonRenderer renderer;

	MatchController(MatchViews views, EligibilityCheck checker, Matcher matcher, Calls calls, Projects projects,
			Eligibility eligibility, ReasonRenderer renderer) {
		this.views = views;
		this.checker = checker;
		this.matcher = matcher;
		this.calls = calls;
		this.projects = projects;
		this.eligibility = eligibility;
		this.renderer = renderer;
	}

	@GetMapping("/projects/{id}/matches")
	List<MatchViews.MatchView> projectMatches(@PathVariable long id, @RequestParam(required = false) Verdict verdict,
			Locale locale) {
		return this.views.ofProject(project(id).id(), verdict, locale);
	}

	/** Every project and gerencia judged for a call, worst verdict last. */
	@GetMapping("/calls/{id}/matches")
	List<MatchViews.MatchView> callMatches(@PathVariable long id, Locale locale) {
		call(id);
		return this.views.ofCall(id, locale);
	}

	/** Calls that fit a gerencia's competences but none of its projects. */
	@GetMapping("/gerencias/{id}/matches")
	List<MatchViews.MatchView> gerenciaMatches(@PathVariable long id, Locale locale) {
		return this.views.ofGerencia(id, locale);
	}

	@GetMapping("/matches/{callId}/{projectId}/history")
	List<MatchViews.HistoryView> history(@PathVariable long callId, @PathVariable long projectId, Locale locale) {
		if (!this.views.judged(callId, projectId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No hay coincidencia guardada");
		}
		return this.views.history(callId, projectId, locale);
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
	@ApiResponse(responseCode = "503",
			description = "Beyond capacity (convoca.match.check.*): problem+json; Retry-After says when to ask again")
	List<EligibilityCheck.CheckView> check(@Valid @RequestBody ProjectForm form, Locale locale) {
		return this.checker.check(form, locale);
	}

	private CallView call(long id) {
		return this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
	}

	private ProjectProfile project(long id) {
		return this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
	}

	record EligibilityView(long callId, String callTitle, String funder, long projectId, String projectTitle,
			String verdict, String verdictLabel, List<ReasonRenderer.RenderedReason> reasons, String ruleSetVersion) {
	}

}
