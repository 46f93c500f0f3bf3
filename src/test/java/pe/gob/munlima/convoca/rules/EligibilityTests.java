package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import pe.gob.munlima.convoca.requirement.GivenRequirements;

class EligibilityTests {

	@TempDir
	Path dir;

	private final CallFacts fittingCall = call(LocalDate.of(2027, 3, 15));

	private final ProjectFacts project = new ProjectFacts(1L, "Ciclovías", List.of("mobility"), List.of("mobility"),
			null, null, null, null, null, List.of("es"), List.of(), false);

	private final ApplicantFacts lima = new ApplicantFacts("LOCAL_GOVERNMENT", "PE", List.of("PE", "LATAM"),
			"UPPER_MIDDLE", 8_574_974L, List.of("C40"), List.of("APCI"), Map.of());

	private static CallFacts call(LocalDate deadline) {
		return new CallFacts(7L, "Movilidad", deadline, List.of("mobility"),
				GivenRequirements.of("applicantTypes", List.of("LOCAL_GOVERNMENT"), "eligibleGeographies",
						List.of("LATAM"), "reimbursable", false),
				null, null, null, Map.of("deadline", "Fecha límite: " + deadline + "."));
	}

	private final EvaluationContext today = new EvaluationContext(LocalDate.of(2026, 11, 24), 30);

	@Test
	void reasonsCarryRuleIdMessageKeyArgumentsAndEvidence() throws IOException {
		Eligibility eligibility = shippedRules();
		CallFacts passed = call(LocalDate.of(2026, 11, 1));

		Assessment assessment = eligibility.evaluate(passed, this.project, this.lima, this.today);

		assertThat(assessment.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		Reason first = assessment.reasons().get(0);
		assertThat(first.ruleId()).isEqualTo("deadline-passed");
		assertThat(first.severity()).isEqualTo(Severity.NOT_ELIGIBLE);
		assertThat(first.messageKey()).isEqualTo("reason.deadline.passed");
		assertThat(first.args()).containsExactly("2026-11-01");
		assertThat(first.evidence()).isEqualTo("Fecha límite: 2026-11-01.");
		assertThat(assessment.ruleSetVersion()).hasSize(12);
	}

	@Test
	void brokenRuleFileIsRefusedWithFileAndLineAndTheWorkingSetKeepsAnswering() throws IOException {
		Eligibility eligibility = shippedRules();
		String before = eligibility.status().orElseThrow().version();
		Files.writeString(this.dir.resolve("broken.drl"), """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;

				rule "broken"
				when
				    $c : CallFacts( noSuchField == 3 )
				then
				end
				""", StandardCharsets.UTF_8);

		assertThatThrownBy(eligibility::reload).isInstanceOfSatisfying(RuleSetRejectedException.class, ex -> {
			assertThat(ex.errors()).isNotEmpty();
			assertThat(ex.errors().get(0).file()).isEqualTo("broken.drl");
			assertThat(ex.errors().get(0).line()).isEqualTo(6);
		});
		assertThat(eligibility.status().orElseThrow().version()).isEqualTo(before);
		assertThat(eligibility.evaluate(this.fittingCall, this.project, this.lima, this.today).verdict())
			.isEqualTo(Verdict.ELIGIBLE);
	}

	@Test
	void withNoCompilableRulesNothingIsActiveAndEvaluationFailsLoudly() throws IOException {
		Files.writeString(this.dir.resolve("only.drl"), "rule \"x\" when then", StandardCharsets.UTF_8);
		Eligibility eligibility = new Eligibility(new RuleProperties(this.dir, java.time.Duration.ZERO),
				Clock.systemUTC());

		assertThat(eligibility.status()).isEmpty();
		assertThat(eligibility.lastErrors()).extracting(RuleError::file).contains("only.drl");
		assertThatThrownBy(() -> eligibility.evaluate(this.fittingCall, this.project, this.lima, this.today))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("only.drl");
	}

	@Test
	void importsOutsideTheModelAndSystemCallsAreRefusedWithTheirLine() throws IOException {
		Eligibility eligibility = shippedRules();
		String before = eligibility.status().orElseThrow().version();
		Files.writeString(this.dir.resolve("evil.drl"), """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;
				import java.io.File;

				rule "evil"
				when
				    $c : CallFacts()
				then
				    System.exit(1);
				end
				""", StandardCharsets.UTF_8);

		assertThatThrownBy(eligibility::reload).isInstanceOfSatisfying(RuleSetRejectedException.class,
				ex -> assertThat(ex.errors()).extracting(e -> e.file() + ":" + e.line())
					.containsExactly("evil.drl:3", "evil.drl:9"));
		assertThat(eligibility.status().orElseThrow().version()).isEqualTo(before);
	}

	@Test
	void aRuleSetWhoseTestCasesFailIsRefused() throws IOException {
		Eligibility eligibility = shippedRules();
		// Loans become acceptable: compiles, but the instrument test cases now fail.
		Path instrument = this.dir.resolve("instrument.drl");
		Files.writeString(instrument,
				Files.readString(instrument).replace("reimbursable == true", "reimbursable == true, callId < 0"));

		assertThatThrownBy(eligibility::reload).isInstanceOfSatisfying(RuleSetRejectedException.class,
				ex -> assertThat(ex.errors()).anySatisfy(error -> {
					assertThat(error.file()).isEqualTo("tests/instrument.yaml");
					assertThat(error.message()).contains("A loan is never eligible")
						.contains("missing reason reimbursable-instrument");
				}));
	}

	@Test
	void concurrentEvaluationsDuringSwapsAllSucceed() throws Exception {
		Eligibility eligibility = shippedRules();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var evaluations = new java.util.ArrayList<java.util.concurrent.Future<Verdict>>();
			for (int i = 0; i < 400; i++) {
				evaluations.add(pool.submit(
						() -> eligibility.evaluate(this.fittingCall, this.project, this.lima, this.today).verdict()));
				if (i % 100 == 0) {
					Files.writeString(this.dir.resolve("zz-extra-" + i + ".drl"), "package rules.eligibility;\n",
							StandardCharsets.UTF_8);
					eligibility.reload();
				}
			}
			for (var evaluation : evaluations) {
				assertThat(evaluation.get()).isEqualTo(Verdict.ELIGIBLE);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void judgingACallAgainstManyProjectsAtOnceGivesWhatEachPairGivesAlone() {
		Rules rules = new Eligibility(new RuleProperties(Path.of("rules"), java.time.Duration.ZERO), Clock.systemUTC())
			.active();
		List<RuleScenarios.Named> scenarios = RuleScenarios.parse(RuleCompiler.readFolder(Path.of("rules")));
		List<ProjectFacts> projects = new java.util.ArrayList<>();
		for (int i = 0; i < scenarios.size(); i++) {
			ProjectFacts p = scenarios.get(i).scenario().projectFacts();
			projects.add(new ProjectFacts(i + 1, p.title(), p.themes(), p.gerenciaCompetences(), p.requestedUsd(),
					p.requestedText(), p.budgetUsd(), p.coFinancingAvailableUsd(), p.durationMonths(), p.languages(),
					p.partnerRegions(), p.gerencia()));
		}
		for (RuleScenarios.Named named : scenarios) {
			RuleScenario scenario = named.scenario();
			List<Assessment> together = rules.evaluateAll(scenario.callFacts(), projects, scenario.applicantFacts(),
					scenario.context());
			for (int i = 0; i < projects.size(); i++) {
				Assessment alone = rules.evaluate(scenario.callFacts(), projects.get(i), scenario.applicantFacts(),
						scenario.context());
				assertThat(together.get(i)).as("%s, project %d", named, i + 1).isEqualTo(alone);
			}
		}
	}

	@Test
	void aRuleThatReadsAProjectButWritesToEveryProjectsFindingsIsRefused() throws IOException {
		List<RuleError> errors = refused("zz-leak.drl", """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.ProjectFacts;
				import pe.gob.munlima.convoca.rules.CallFindings;

				rule "leaks-between-projects"
				when
				    $p : ProjectFacts( durationMonths > 12 )
				    $f : CallFindings()
				then
				    $f.pass(drools.getRule().getName(), "reason.duration.ok", "duration", $p.durationMonths(), 12);
				end
				""");

		assertThat(errors).extracting(e -> e.file() + ":" + e.line()).containsExactly("zz-leak.drl:5");
	}

	@Test
	void aRuleThatChangesFactsIsRefusedWithItsLine() throws IOException {
		List<RuleError> errors = refused("zz-change.drl", """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;

				rule "changes-the-call"
				when
				    $c : CallFacts( deadline == null )
				then
				    insert(new java.util.ArrayList());
				    $c.evidence().clear();
				end
				""");

		assertThat(errors).extracting(e -> e.file() + ":" + e.line() + " " + e.code())
			.containsExactly("zz-change.drl:8 rules.refused.consequence", "zz-change.drl:9 rules.refused.consequence");
		assertThat(errors.get(0).message()).contains("insert(new java.util.ArrayList());");
	}

	/** Adds a rule file to the shipped rules and returns why the set was refused. */
	private List<RuleError> refused(String file, String drl) throws IOException {
		Eligibility eligibility = shippedRules();
		Files.writeString(this.dir.resolve(file), drl, StandardCharsets.UTF_8);
		try {
			eligibility.reload();
		}
		catch (RuleSetRejectedException ex) {
			return ex.errors();
		}
		throw new AssertionError(file + " was accepted");
	}

	/** The shipped rules, copied to a folder the test may edit. */
	private Eligibility shippedRules() throws IOException {
		copyShippedRules();
		return new Eligibility(new RuleProperties(this.dir, java.time.Duration.ZERO), Clock.systemUTC());
	}

	private void copyShippedRules() throws IOException {
		for (Map.Entry<String, String> file : RuleCompiler.readFolder(Path.of("rules")).entrySet()) {
			Path target = this.dir.resolve(file.getKey());
			Files.createDirectories(target.getParent());
			Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
		}
	}

}
