package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * "¿Mi proyecto califica?": an unsaved project against every open call, judged by the
 * active rules as a stored one would be, ranked ELIGIBLE first, then NEEDS_REVIEW, then
 * NOT_ELIGIBLE, each by relevance. Nothing is stored. The API and the page ask the same.
 */
@Service
class EligibilityCheck {

	static final int LIMIT = 50;

	private final Matcher matcher;

	private final Calls calls;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ReasonRenderer renderer;

	private final Clock clock;

	EligibilityCheck(Matcher matcher, Calls calls, Projects projects, Eligibility eligibility, ReasonRenderer renderer,
			Clock clock) {
		this.matcher = matcher;
		this.calls = calls;
		this.projects = projects;
		this.eligibility = eligibility;
		this.renderer = renderer;
		this.clock = clock;
	}

	/**
	 * @throws pe.gob.munlima.convoca.project.ProjectRejectedException for a gerencia that
	 * does not exist
	 */
	List<CheckView> check(ProjectForm form, Locale locale) {
		ProjectProfile draft = this.projects.preview(form);
		Portfolio portfolio = this.matcher.portfolio()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "Perfil institucional no configurado"));
		Portfolio single = new Portfolio(portfolio.organisation(), List.of(draft), List.<GerenciaProfile>of());
		Rules rules = this.eligibility.active();
		List<CheckView> ranked = new ArrayList<>();
		this.calls.forEachOpen(this.clock.instant(), Matcher.PAGE, page -> page.forEach(call -> {
			for (Judge.Judged judged : this.matcher.judge(call, rules, single)) {
				String verdict = judged.assessment().verdict().name();
				ranked.add(new CheckView(call.id(), call.title(), call.funder(), call.deadline(), verdict,
						this.renderer.verdict(verdict, locale), judged.score(),
						this.renderer.render(judged.assessment().reasons(), locale)));
			}
		}));
		return ranked.stream()
			.sorted(Comparator.comparing((CheckView c) -> Verdict.valueOf(c.verdict()).ordinal())
				.reversed()
				.thenComparing(Comparator.comparingDouble(CheckView::score).reversed()))
			.limit(LIMIT)
			.toList();
	}

	record CheckView(long callId, String callTitle, String funder, Instant deadline, String verdict,
			String verdictLabel, float score, List<ReasonRenderer.RenderedReason> reasons) {
	}

}
