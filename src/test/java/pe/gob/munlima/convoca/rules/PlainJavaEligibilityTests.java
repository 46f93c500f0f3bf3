package pe.gob.munlima.convoca.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's plain-Java mirror of the rules gives exactly what the DRL files give,
 * on every rule test case and every project of them, so the benchmark compares equal
 * work.
 */
class PlainJavaEligibilityTests {

	@Test
	void givesTheSameAssessmentsAsTheRulesOnEveryTestCase() {
		Rules rules = Rules.load(Path.of("rules"));
		List<RuleScenarios.Named> scenarios = RuleScenarios.parse(RuleCompiler.readFolder(Path.of("rules")));
		List<ProjectFacts> projects = new ArrayList<>();
		for (int i = 0; i < scenarios.size(); i++) {
			ProjectFacts p = scenarios.get(i).scenario().projectFacts();
			projects.add(new ProjectFacts(i + 1, p.title(), p.themes(), p.gerenciaCompetences(), p.requestedUsd(),
					p.requestedText(), p.budgetUsd(), p.coFinancingAvailableUsd(), p.durationMonths(), p.languages(),
					p.partnerRegions(), p.gerencia()));
		}
		for (RuleScenarios.Named named : scenarios) {
			RuleScenario s = named.scenario();
			List<Assessment> drools = rules.evaluateAll(s.callFacts(), projects, s.applicantFacts(), s.context());
			List<Assessment> java = PlainJavaEligibility.evaluateAll(s.callFacts(), projects, s.applicantFacts(),
					s.context(), rules.version());
			assertThat(java).as("%s", named).isEqualTo(drools);
		}
	}

}
