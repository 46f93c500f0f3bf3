package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs the test cases of a rule set (its tests/*.yaml files) against it. A rule set whose
 * cases fail is never activated: the failures say which case and what differed. Each case
 * runs in the {@link RuleSandbox}, with a limit on the rules it fires and on its time; a
 * case stopped by a limit ends the run, as the set is refused anyway.
 */
final class RuleTester {

	private RuleTester() {
	}

	static List<RuleError> run(RuleSet set, Map<String, String> files) {
		return run(set, files, RuleSandbox.SHARED);
	}

	static List<RuleError> run(RuleSet set, Map<String, String> files, RuleSandbox sandbox) {
		List<RuleError> failures = new ArrayList<>();
		List<RuleScenarios.Named> scenarios;
		try {
			scenarios = RuleScenarios.parse(files);
		}
		catch (RuleSetRejectedException ex) {
			return ex.errors();
		}
		for (RuleScenarios.Named named : scenarios) {
			RuleScenario scenario = named.scenario();
			try {
				Assessment result = sandbox.call(
						() -> Eligibility
							.evaluateAll(set, scenario.callFacts(), List.of(scenario.projectFacts()),
									scenario.applicantFacts(), scenario.context(), RuleSandbox.FIRE_LIMIT)
							.get(0));
				check(named, result).ifPresent(failures::add);
			}
			catch (TimeoutException ex) {
				failures.add(RuleError.refused(named.file(), 0, "rules.refused.timeLimit", scenario.name(),
						sandbox.limit().toSeconds()));
				break;
			}
			catch (RejectedExecutionException ex) {
				failures.add(RuleError.refused(named.file(), 0, "rules.refused.sandboxBusy"));
				break;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof Eligibility.FireLimitReached) {
					failures.add(RuleError.refused(named.file(), 0, "rules.refused.fireLimit", scenario.name(),
							RuleSandbox.FIRE_LIMIT));
					break;
				}
				failures.add(new RuleError(named.file(), 0,
						"case '" + scenario.name() + "' failed: " + ex.getCause().getMessage()));
			}
		}
		return failures;
	}

	static java.util.Optional<RuleError> check(RuleScenarios.Named named, Assessment result) {
		RuleScenario.Expect expect = named.scenario().expect();
		List<String> ruleIds = result.reasons().stream().map(Reason::ruleId).toList();
		List<String> problems = new ArrayList<>();
		if (expect.verdict() != result.verdict()) {
			problems.add("verdict " + result.verdict() + " instead of " + expect.verdict());
		}
		if (expect.reasons() != null) {
			expect.reasons()
				.stream()
				.filter(id -> !ruleIds.contains(id))
				.forEach(id -> problems.add("missing reason " + id));
		}
		if (expect.absent() != null) {
			expect.absent().stream().filter(ruleIds::contains).forEach(id -> problems.add("unexpected reason " + id));
		}
		if (problems.isEmpty()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new RuleError(named.file(), 0, "case '" + named.scenario().name() + "': "
				+ String.join(", ", problems) + " (reasons: " + ruleIds + ")"));
	}

}
