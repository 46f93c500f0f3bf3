package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.match.AnswerService.AnswerView;
import pe.gob.munlima.convoca.match.AnswerService.Counts;
import pe.gob.munlima.convoca.match.AnswerService.ProjectAnswer;
import pe.gob.munlima.convoca.match.AnswerStore.AnswerRow;
import pe.gob.munlima.convoca.rules.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the gerencias' answers that need no database. */
class AnswerRulesTests {

	@Test
	void answersAreReadInTheOfficesWordsToo() {
		assertThat(Answer.parse("no aplica")).contains(Answer.NOT_APPLICABLE);
		assertThat(Answer.parse(" No-Aplica ")).contains(Answer.NOT_APPLICABLE);
		assertThat(Answer.parse("nos interesa")).contains(Answer.INTERESTED);
		assertThat(Answer.parse("interested")).contains(Answer.INTERESTED);
		assertThat(Answer.parse("quizás")).isEmpty();
		assertThat(Answer.parse(null)).isEmpty();
	}

	@Test
	void eachReasonBelongsToOneAnswerAndOtherNeedsANote() {
		AnswerProperties defaults = new AnswerProperties(null);
		assertThat(defaults.of(Answer.NOT_APPLICABLE)).extracting(AnswerProperties.Reason::code)
			.contains("NOT_ENOUGH_TIME", "OUT_OF_SCOPE", "OTHER")
			.doesNotContain("PRIORITY");
		assertThat(defaults.of(Answer.INTERESTED)).extracting(AnswerProperties.Reason::code)
			.contains("PRIORITY")
			.doesNotContain("NOT_ENOUGH_TIME");
		assertThat(defaults.reason(" not_enough_time ")).map(AnswerProperties.Reason::code).contains("NOT_ENOUGH_TIME");
		assertThat(defaults.reason("OTHER")).map(AnswerProperties.Reason::noteRequired).contains(true);
		assertThat(defaults.reason("LUNES")).isEmpty();

		AnswerProperties configured = new AnswerProperties(
				List.of(new AnswerProperties.Reason("SIN_SOCIO", Answer.NOT_APPLICABLE, false)));
		assertThat(configured.reasons()).extracting(AnswerProperties.Reason::code).containsExactly("SIN_SOCIO");
	}

	@Test
	void aNoAplicaDismissesOnlyWhileTheVerdictIsTheOneAnswered() {
		AnswerRow noAplica = row(Answer.NOT_APPLICABLE, Verdict.NEEDS_REVIEW);
		assertThat(noAplica.dismisses(Verdict.NEEDS_REVIEW)).isTrue();
		assertThat(noAplica.dismisses(Verdict.ELIGIBLE)).as("a new verdict is news again").isFalse();
		assertThat(row(Answer.INTERESTED, Verdict.NEEDS_REVIEW).dismisses(Verdict.NEEDS_REVIEW)).isFalse();
	}

	@Test
	void countsTellInterestedNotApplicableAndPending() {
		List<ProjectAnswer> answers = List.of(project(Answer.INTERESTED), project(Answer.NOT_APPLICABLE),
				project(Answer.NOT_APPLICABLE), project(null));
		assertThat(Counts.of(answers)).isEqualTo(new Counts(1, 2, 1));
		assertThat(Counts.of(List.of())).isEqualTo(new Counts(0, 0, 0));
	}

	private static AnswerRow row(Answer answer, Verdict verdict) {
		return new AnswerRow(1, 2, 3, answer, "OTHER", "nota", verdict, "movilidad", Instant.EPOCH);
	}

	private static ProjectAnswer project(Answer answer) {
		AnswerView view = answer == null ? null : new AnswerView(1, 2, 3, answer, answer.name(), "OTHER", "otro", null,
				"ELIGIBLE", "Elegible", true, answer == Answer.NOT_APPLICABLE, "movilidad", Instant.EPOCH);
		return new ProjectAnswer(1, 3, "P-1", "Proyecto", "ELIGIBLE", "Elegible", view);
	}

}
