package pe.gob.munlima.convoca.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every rule test case of {@code rules/tests/} against the rule files of
 * {@code rules/}, one JUnit test per case: the tests beside the rules, as data. The same
 * cases gate every activation at run time.
 */
class RuleScenarioTests {

	private static final Map<String, String> FILES = RuleCompiler.readFolder(Path.of("rules"));

	private static Eligibility eligibility;

	@BeforeAll
	static void compileRules() {
		eligibility = new Eligibility(new RuleProperties(Path.of("rules"), Duration.ZERO), Clock.systemUTC());
	}

	static Stream<RuleScenarios.Named> scenarios() {
		return RuleScenarios.parse(FILES).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void scenario(RuleScenarios.Named named) {
		RuleScenario scenario = named.scenario();
		Rules rules = eligibility.active();
		Assessment assessment = rules.evaluate(scenario.callFacts(), scenario.projectFacts(), scenario.applicantFacts(),
				scenario.context());
		assertThat(RuleTester.check(named, assessment)).as("case %s", named).isEmpty();
	}

	@Test
	void everyRuleHasAtLeastThreeCasesNamingIt() {
		List<RuleScenarios.Named> all = RuleScenarios.parse(FILES);
		String drl = String.join("\n",
				FILES.entrySet().stream().filter(e -> e.getKey().endsWith(".drl")).map(Map.Entry::getValue).toList());
		List<String> ruleIds = Pattern.compile("(?m)^rule \"([^\"]+)\"")
			.matcher(drl)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(ruleIds).hasSizeGreaterThan(20);
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
