package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the test cases of a rule set (its tests/*.yaml files) against it. A rule set whose
 * cases fail is never activated: the failures say which case and what differed.
 */
final class RuleTester {

	private RuleTester() {
	}

	static List<RuleError> run(RuleSet set, Map<String, String> files) {
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
				Assessment result = Eligibility.evaluate(set, scenario.callFacts(), scenario.projectFacts(),
						scenario.applicantFacts(), scenario.context());
				check(named, result).ifPresent(failures::add);
			}
			catch (RuntimeException ex) {
				failures
					.add(new RuleError(named.file(), 0, "case '" + scenario.name() + "' failed: " + ex.getMessage()));
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
