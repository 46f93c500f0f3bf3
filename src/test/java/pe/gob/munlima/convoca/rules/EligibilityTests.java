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

class EligibilityTests {

	@TempDir
	Path dir;

	private final CallFacts fittingCall = new CallFacts(7L, "Movilidad", LocalDate.of(2027, 3, 15),
			List.of("LOCAL_GOVERNMENT"), List.of("LATAM"), null, List.of("mobility"), false,
			Map.of("deadline", "Fecha límite: 15 de marzo de 2027."));

	private final ProjectFacts project = new ProjectFacts(1L, "Ciclovías", List.of("mobility"), List.of("mobility"));

	private final ApplicantFacts lima = new ApplicantFacts("LOCAL_GOVERNMENT", "PE", List.of("PE", "LATAM"));

	private final EvaluationContext today = new EvaluationContext(LocalDate.of(2026, 11, 24), 30);

	@Test
	void reasonsCarryRuleIdMessageKeyArgumentsAndEvidence() throws IOException {
		copyShippedRules();
		Eligibility eligibility = new Eligibility(new RuleProperties(this.dir, 30), Clock.systemUTC());
		CallFacts passed = new CallFacts(7L, "Movilidad", LocalDate.of(2026, 11, 1), List.of("LOCAL_GOVERNMENT"),
				List.of("LATAM"), null, List.of("mobility"), false,
				Map.of("deadline", "Fecha límite: 1 de noviembre de 2026."));

		Assessment assessment = eligibility.evaluate(passed, this.project, this.lima, this.today);

		assertThat(assessment.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		Reason first = assessment.reasons().get(0);
		assertThat(first.ruleId()).isEqualTo("deadline-passed");
		assertThat(first.severity()).isEqualTo(Severity.NOT_ELIGIBLE);
		assertThat(first.messageKey()).isEqualTo("reason.deadline.passed");
		assertThat(first.args()).containsExactly("2026-11-01");
		assertThat(first.evidence()).isEqualTo("Fecha límite: 1 de noviembre de 2026.");
		assertThat(assessment.ruleSetVersion()).hasSize(12);
	}

	@Test
	void brokenRuleFileIsRefusedWithFileAndLineAndTheWorkingSetKeepsAnswering() throws IOException {
		copyShippedRules();
		Eligibility eligibility = new Eligibility(new RuleProperties(this.dir, 30), Clock.systemUTC());
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
		Eligibility eligibility = new Eligibility(new RuleProperties(this.dir, 30), Clock.systemUTC());

		assertThat(eligibility.status()).isEmpty();
		assertThat(eligibility.lastErrors()).extracting(RuleError::file).contains("only.drl");
		assertThatThrownBy(() -> eligibility.evaluate(this.fittingCall, this.project, this.lima, this.today))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("only.drl");
	}

	private void copyShippedRules() throws IOException {
		for (Map.Entry<String, String> file : RuleCompiler.readFolder(Path.of("rules")).entrySet()) {
			Files.writeString(this.dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
	}

}
