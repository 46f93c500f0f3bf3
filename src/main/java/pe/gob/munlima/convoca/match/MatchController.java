package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

	private final MatchRepository matches;

	private final Calls calls;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ReasonRenderer renderer;

	private final JsonMapper json = JsonMapper.builder().build();

	MatchController(MatchRepository matches, Calls calls, Projects projects, Eligibility eligibility,
			ReasonRenderer renderer) {
		this.matches = matches;
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

	/** A fresh evaluation with the active rules, whatever is stored. */
	@GetMapping("/eligibility")
	EligibilityView eligibility(@RequestParam("call") long callId, @RequestParam("project") long projectId,
			Locale locale) {
		CallView call = this.calls.find(callId)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + callId));
		ProjectProfile project = project(projectId);
		OrganisationProfile organisation = this.projects.organisation()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "Perfil institucional no configurado"));
		Assessment assessment = this.eligibility.evaluate(FactsAssembler.call(call), FactsAssembler.project(project),
				FactsAssembler.applicant(organisation));
		return new EligibilityView(call.id(), call.title(), call.funder(), project.id(), project.title(),
				assessment.verdict().name(), this.renderer.verdict(assessment.verdict().name(), locale),
				this.renderer.render(assessment.reasons(), locale), assessment.ruleSetVersion());
	}

	private ProjectProfile project(long id) {
		return this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
	}

	private MatchView view(Match match, Locale locale) {
		CallView call = this.calls.find(match.getCallId()).orElseThrow();
		List<Reason> reasons = this.json.readValue(match.getReasons(), REASONS);
		return new MatchView(call.id(), call.title(), call.funder(), call.sourceUrl(), call.deadline(),
				match.getVerdict(), this.renderer.verdict(match.getVerdict(), locale), match.getScore(),
				this.renderer.render(reasons, locale), match.getRuleSetVersion(), match.getFirstSeenAt(),
				match.getChangedAt());
	}

	record MatchView(long callId, String callTitle, String funder, String sourceUrl, Instant deadline, String verdict,
			String verdictLabel, float score, List<ReasonRenderer.RenderedReason> reasons, String ruleSetVersion,
			Instant firstSeenAt, Instant changedAt) {
	}

	record EligibilityView(long callId, String callTitle, String funder, long projectId, String projectTitle,
			String verdict, String verdictLabel, List<ReasonRenderer.RenderedReason> reasons, String ruleSetVersion) {
	}

}
