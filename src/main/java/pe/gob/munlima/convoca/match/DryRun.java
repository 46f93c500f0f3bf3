package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.ProjectFacts;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.RuleAdmin;
import pe.gob.munlima.convoca.rules.Rules;

import org.springframework.stereotype.Service;

/**
 * What a draft rule set would change: every open call against every active project,
 * judged by the active rules and by the draft (active files with the drafts laid over
 * them). Counts by transition and every changed pair with its old and new reasons.
 * Nothing is stored.
 */
@Service
class DryRun {

	private final Calls calls;

	private final Matcher matcher;

	private final Eligibility eligibility;

	private final RuleAdmin admin;

	private final ReasonRenderer renderer;

	private final Clock clock;

	DryRun(Calls calls, Matcher matcher, Eligibility eligibility, RuleAdmin admin, ReasonRenderer renderer,
			Clock clock) {
		this.calls = calls;
		this.matcher = matcher;
		this.eligibility = eligibility;
		this.admin = admin;
		this.renderer = renderer;
		this.clock = clock;
	}

	Report run(Locale locale) {
		Rules active = this.eligibility.active();
		Rules draft = this.admin.candidate();
		Portfolio portfolio = this.matcher.portfolio()
			.orElseThrow(() -> new IllegalStateException("Perfil institucional no configurado"));
		Map<String, Integer> transitions = new TreeMap<>();
		List<Change> changes = new ArrayList<>();
		int[] pairs = { 0 };
		// Everything that does not depend on the call is built once, for both rule sets.
		List<ProjectProfile> projects = portfolio.projects();
		List<ProjectFacts> projectsBefore = projects.stream()
			.map(p -> FactsAssembler.project(p, active.parameters()))
			.toList();
		List<ProjectFacts> projectsAfter = projects.stream()
			.map(p -> FactsAssembler.project(p, draft.parameters()))
			.toList();
		ApplicantFacts applicantBefore = FactsAssembler.applicant(portfolio.organisation(), active.parameters());
		ApplicantFacts applicantAfter = FactsAssembler.applicant(portfolio.organisation(), draft.parameters());
		EvaluationContext contextBefore = this.matcher.context(active);
		EvaluationContext contextAfter = this.matcher.context(draft);
		this.calls.forEachOpen(this.clock.instant(), Matcher.PAGE, page -> page.forEach(call -> {
			List<Assessment> before = active.evaluateAll(FactsAssembler.call(call, active.parameters()), projectsBefore,
					applicantBefore, contextBefore);
			List<Assessment> after = draft.evaluateAll(FactsAssembler.call(call, draft.parameters()), projectsAfter,
					applicantAfter, contextAfter);
			for (int i = 0; i < projects.size(); i++) {
				pairs[0]++;
				Assessment old = before.get(i);
				Assessment now = after.get(i);
				transitions.merge(old.verdict() + " -> " + now.verdict(), 1, Integer::sum);
				if (old.verdict() != now.verdict() || !ruleIds(old).equals(ruleIds(now))) {
					ProjectProfile project = projects.get(i);
					changes.add(new Change(call.id(), call.title(), project.id(), project.title(), old.verdict().name(),
							now.verdict().name(), this.renderer.render(old.reasons(), locale),
							this.renderer.render(now.reasons(), locale)));
				}
			}
		}));
		return new Report(active.version(), draft.version(), pairs[0], changes.size(), transitions, changes);
	}

	private static List<String> ruleIds(Assessment assessment) {
		return assessment.reasons().stream().map(Reason::ruleId).sorted().toList();
	}

	/**
	 * @param transitions "OLD -> NEW" verdict to the number of pairs, unchanged ones
	 * included
	 */
	record Report(String activeVersion, String draftVersion, int pairs, int changed, Map<String, Integer> transitions,
			List<Change> changes) {
	}

	record Change(long callId, String callTitle, long projectId, String projectTitle, String oldVerdict,
			String newVerdict, List<ReasonRenderer.RenderedReason> oldReasons,
			List<ReasonRenderer.RenderedReason> newReasons) {
	}

}
