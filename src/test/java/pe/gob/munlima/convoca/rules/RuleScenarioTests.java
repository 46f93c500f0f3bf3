package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every rule test case of {@code rules/tests/} against the rule files of
 * {@code rules/}: the tests beside the rules, as data.
 */
class RuleScenarioTests {

	private static Eligibility eligibility;

	@BeforeAll
	static void compileRules() {
		eligibility = new Eligibility(new RuleProperties(Path.of("rules"), 30), Clock.systemUTC());
	}

	static Stream<RuleScenarios.Named> scenarios() throws IOException {
		return RuleScenarios.read(Path.of("rules", "tests")).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void scenario(RuleScenarios.Named named) {
		RuleScenario scenario = named.scenario();
		Assessment assessment = eligibility.evaluate(scenario.callFacts(), scenario.projectFacts(),
				scenario.applicantFacts(), scenario.context());
		List<String> ruleIds = assessment.reasons().stream().map(Reason::ruleId).toList();
		assertThat(assessment.verdict()).as("verdict, reasons %s", ruleIds).isEqualTo(scenario.expect().verdict());
		if (scenario.expect().reasons() != null) {
			assertThat(ruleIds).containsAll(scenario.expect().reasons());
		}
		if (scenario.expect().absent() != null) {
			assertThat(ruleIds).doesNotContainAnyElementsOf(scenario.expect().absent());
		}
	}

	@Test
	void everyRuleHasAtLeastThreeCasesNamingIt() throws IOException {
		List<RuleScenarios.Named> all = RuleScenarios.read(Path.of("rules", "tests"));
		String drl = String.join("\n", RuleCompiler.readFolder(Path.of("rules")).values());
		List<String> ruleIds = java.util.regex.Pattern.compile("(?m)^rule \"([^\"]+)\"")
			.matcher(drl)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(ruleIds).isNotEmpty();
		for (String ruleId : ruleIds) {
			long cases = all.stream().filter(named -> mentions(named.scenario().expect(), ruleId)).count();
			assertThat(cases).as("test cases naming rule %s", ruleId).isGreaterThanOrEqualTo(3);
		}
	}

	private static boolean mentions(RuleScenario.Expect expect, String ruleId) {
		return (expect.reasons() != null && expect.reasons().contains(ruleId))
				|| (expect.absent() != null && expect.absent().contains(ruleId));
	}

}
