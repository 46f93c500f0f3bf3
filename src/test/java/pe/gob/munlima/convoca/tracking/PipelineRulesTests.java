package pe.gob.munlima.convoca.tracking;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/** The transition table, stage names and the findings a checklist is made of. */
class PipelineRulesTests {

	@Test
	void theTableAllowsExactlyTheseMoves() {
		List<String> allowed = new ArrayList<>();
		for (Stage from : Stage.values()) {
			for (Stage to : Stage.values()) {
				if (Transitions.allows(from, to)) {
					allowed.add(from + " -> " + to);
				}
			}
		}
		assertThat(allowed).containsExactly("IDENTIFIED -> EVALUATING", "IDENTIFIED -> DISCARDED",
				"EVALUATING -> APPLYING", "EVALUATING -> DISCARDED", "APPLYING -> EVALUATING", "APPLYING -> SUBMITTED",
				"APPLYING -> DISCARDED", "SUBMITTED -> AWARDED", "SUBMITTED -> NOT_AWARDED", "SUBMITTED -> DISCARDED");
		for (Stage stage : Stage.values()) {
			assertThat(Transitions.from(stage).isEmpty()).as(stage.name()).isEqualTo(stage.isFinal());
		}
	}

	@Test
	void stagesAreNamedInEnglishOrAsTheOfficeSaysThem() {
		assertThat(Stage.parse("postulando")).contains(Stage.APPLYING);
		assertThat(Stage.parse("APPLYING")).contains(Stage.APPLYING);
		assertThat(Stage.parse(" En Evaluación ")).contains(Stage.EVALUATING);
		assertThat(Stage.parse("no-adjudicada")).contains(Stage.NOT_AWARDED);
		assertThat(Stage.parse("not_awarded")).contains(Stage.NOT_AWARDED);
		assertThat(Stage.parse("ganada")).isEmpty();
		assertThat(Stage.parse(null)).isEmpty();
	}

	@Test
	void aTaskComesFromEachReviewFindingAndEachFixableIneligibility() {
		Reason loan = reason("reimbursable-instrument", Severity.NOT_ELIGIBLE, null);
		Reason partner = reason("partner-missing", Severity.NOT_ELIGIBLE, "fix.partnership.find");
		Reason deadline = reason("deadline-too-close", Severity.NEEDS_REVIEW, "fix.deadline.tooClose");
		Reason noFix = reason("grant-size-unknown", Severity.NEEDS_REVIEW, null);
		Reason passed = reason("theme-ok", Severity.PASS, null);

		assertThat(Checklist.actionable(List.of(loan, partner, deadline, noFix, passed))).containsExactly(partner,
				deadline, noFix);
	}

	static Reason reason(String ruleId, Severity severity, String fixKey) {
		return new Reason(ruleId, severity, "reason." + ruleId, List.of(), null, fixKey, List.of());
	}

}
