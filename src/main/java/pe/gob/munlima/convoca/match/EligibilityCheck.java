package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.ProjectFacts;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * "¿Mi proyecto califica?": an unsaved project against every open call, judged by the
 * active rules as a stored one would be, ranked ELIGIBLE first, then NEEDS_REVIEW, then
 * NOT_ELIGIBLE, each by relevance. Nothing is stored. The API and the page ask the same.
 * <p>
 * Capacity: the open calls come from memory ({@link OpenCalls}), not the database, so a
 * check is CPU work only (percolation scores and call facts reused, one rule session per
 * candidate call) and holds no pooled connection while it runs; {@link CheckGate} bounds
 * how many run and wait at once.
 */
@Service
class EligibilityCheck {

	static final int LIMIT = 50;

	/** Within one verdict: most relevant first, then the older call. */
	private static final Comparator<Ranked> BY_RELEVANCE = Comparator.comparingDouble((Ranked r) -> r.score())
		.reversed()
		.thenComparingLong(r -> r.call().id());

	private final OpenCalls openCalls;

	private final Percolator percolator;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ReasonRenderer renderer;

	private final CheckGate gate;

	private final Clock clock;

	EligibilityCheck(OpenCalls openCalls, Percolator percolator, Projects projects, Eligibility eligibility,
			ReasonRenderer renderer, CheckGate gate, Clock clock) {
		this.openCalls = openCalls;
		this.percolator = percolator;
		this.projects = projects;
		this.eligibility = eligibility;
		this.renderer = renderer;
		this.gate = gate;
		this.clock = clock;
	}

	/**
	 * @throws pe.gob.munlima.convoca.project.ProjectRejectedException for a gerencia that
	 * does not exist
	 * @throws CheckGate.Busy when the checks already running and waiting fill the service
	 */
	List<CheckView> check(ProjectForm form, Locale locale) {
		return this.gate.admit(() -> judge(form, locale));
	}

	/**
	 * Judges the draft as the matcher judges a stored project (the same candidates: a
	 * positive percolation score, or a call theme among its gerencia's competences; the
	 * same rules), against the open calls held in memory; only the reasons of the calls
	 * shown are rendered.
	 */
	private List<CheckView> judge(ProjectForm form, Locale locale) {
		ProjectProfile draft = this.projects.preview(form);
		OrganisationProfile organisation = this.projects.organisation()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "Perfil institucional no configurado"));
		Rules rules = this.eligibility.active();
		EvaluationContext now = this.eligibility.context();
		EvaluationContext context = new EvaluationContext(now.today(), rules.parameters().leadDays());
		ProjectFacts project = FactsAssembler.project(draft, rules.parameters());
		List<ProjectFacts> judged = List.of(project);
		ApplicantFacts applicant = FactsAssembler.applicant(organisation, rules.parameters());
		int[] themes = this.percolator.themeIndexes(draft.themes());
		List<String> competences = draft.gerencia().competences();
		List<Ranked> candidates = new ArrayList<>();
		for (OpenCalls.OpenCall call : this.openCalls.open(rules, this.clock.instant())) {
			float score = Percolator.score(call.themeScores(), themes);
			if (score > 0 || call.covers(competences)) {
				candidates.add(new Ranked(call, null, score));
			}
		}
		// Judged in the order of the ranking within one verdict (relevance, then id):
		// once
		// LIMIT calls are ELIGIBLE, no call left can take their place, whatever its
		// verdict, so the rules stop there. The answer is the same as judging them all.
		candidates.sort(BY_RELEVANCE);
		List<Ranked> ranked = new ArrayList<>(candidates.size());
		int eligible = 0;
		for (Ranked candidate : candidates) {
			Assessment assessment = rules.evaluateAll(candidate.call().facts(), judged, applicant, context).get(0);
			ranked.add(new Ranked(candidate.call(), assessment, candidate.score()));
			if (assessment.verdict() == Verdict.ELIGIBLE && ++eligible == LIMIT) {
				break;
			}
		}
		ranked.sort(Comparator.comparing((Ranked r) -> r.assessment().verdict().ordinal())
			.reversed()
			.thenComparing(BY_RELEVANCE));
		List<CheckView> shown = new ArrayList<>(Math.min(LIMIT, ranked.size()));
		for (Ranked r : ranked.subList(0, Math.min(LIMIT, ranked.size()))) {
			String verdict = r.assessment().verdict().name();
			shown.add(new CheckView(r.call().id(), r.call().title(), r.call().funder(), r.call().deadline(), verdict,
					this.renderer.verdict(verdict, locale), r.score(),
					this.renderer.render(r.assessment().reasons(), locale)));
		}
		return shown;
	}

	/**
	 * @param assessment null until judged
	 */
	private record Ranked(OpenCalls.OpenCall call, Assessment assessment, float score) {
	}

	record CheckView(long callId, String callTitle, String funder, Instant deadline, String verdict,
			String verdictLabel, float score, List<ReasonRenderer.RenderedReason> reasons) {
	}

}
