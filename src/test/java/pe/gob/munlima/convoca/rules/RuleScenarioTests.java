package pe.gob.munlima.convoca.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

	/**
	 * A criterion the model holds but no shipped rule judges (the whole call's budget)
	 * gets a rule, its cases and nothing else: the rule reads the fact through the model,
	 * the cases name it in their call block, and the folder activates.
	 */
	@Test
	void aNewRuleReadsAFactOfTheModelByItsNameWithoutJavaChanges(@TempDir Path folder) throws Exception {
		for (Map.Entry<String, String> file : FILES.entrySet()) {
			Path target = folder.resolve(file.getKey());
			Files.createDirectories(target.getParent());
			Files.writeString(target, file.getValue());
		}
		Files.writeString(folder.resolve("budget.drl"), """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;
				import pe.gob.munlima.convoca.rules.CallFindings;

				rule "total-budget-stated"
				when
				    $f : CallFindings()
				    $c : CallFacts( requirements.money.totalBudget != null )
				then
				    $f.pass(drools.getRule().getName(), "reason.grantSize.ok", $c.evidenceFor("totalBudget"), "-", "-");
				end
				""");
		Files.writeString(folder.resolve("tests/budget.yaml"),
				"""
						- name: A call that states its whole budget
						  call: {deadline: 2027-03-15, applicantTypes: [LOCAL_GOVERNMENT], eligibleGeographies: [LATAM],
						    themes: [mobility], totalBudget: 3000000, currency: EUR, evidence: {totalBudget: "EUR 3 millones."}}
						  project: {themes: [mobility]}
						  expect: {verdict: ELIGIBLE, reasons: [total-budget-stated]}
						- name: A call that does not
						  call: {deadline: 2027-03-15, applicantTypes: [LOCAL_GOVERNMENT], eligibleGeographies: [LATAM], themes: [mobility]}
						  project: {themes: [mobility]}
						  expect: {verdict: ELIGIBLE, absent: [total-budget-stated]}
						- name: A budget in another currency is still a budget
						  call: {deadline: 2027-03-15, applicantTypes: [LOCAL_GOVERNMENT], eligibleGeographies: [LATAM],
						    themes: [mobility], totalBudget: 500000000, currency: JPY}
						  project: {themes: [mobility]}
						  expect: {verdict: ELIGIBLE, reasons: [total-budget-stated]}
						""");

		Eligibility extended = new Eligibility(new RuleProperties(folder, Duration.ZERO), Clock.systemUTC());
		RuleScenario stated = RuleScenarios.parse(RuleCompiler.readFolder(folder))
			.stream()
			.filter(named -> named.scenario().name().equals("A call that states its whole budget"))
			.findFirst()
			.orElseThrow()
			.scenario();
		Assessment assessment = extended.active()
			.evaluate(stated.callFacts(), stated.projectFacts(), stated.applicantFacts(), stated.context());

		assertThat(assessment.reasons()).anySatisfy(reason -> {
			assertThat(reason.ruleId()).isEqualTo("total-budget-stated");
			assertThat(reason.evidence()).isEqualTo("EUR 3 millones.");
		});
	}

}
