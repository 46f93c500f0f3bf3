package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reasons a gerencia may give for its answer, a list the office keeps as data
 * (application.yml, {@code convoca.match.answers.reasons}); their labels are in the
 * bundles ({@code answer.reason.<code>}). Each reason belongs to one answer, so the form
 * offers "plazo insuficiente" only with "no aplica".
 *
 * @param reasons the reasons, in the order the forms offer them
 */
@ConfigurationProperties("convoca.match.answers")
record AnswerProperties(List<Reason> reasons) {

	AnswerProperties {
		reasons = reasons == null || reasons.isEmpty() ? List.of(new Reason("PRIORITY", Answer.INTERESTED, false),
				new Reason("PROJECT_READY", Answer.INTERESTED, false),
				new Reason("NEEDS_PARTNER", Answer.INTERESTED, false),
				new Reason("OTHER_INTEREST", Answer.INTERESTED, true),
				new Reason("OUT_OF_SCOPE", Answer.NOT_APPLICABLE, false),
				new Reason("REQUIREMENT_UNMET", Answer.NOT_APPLICABLE, false),
				new Reason("NOT_ENOUGH_TIME", Answer.NOT_APPLICABLE, false),
				new Reason("NO_CO_FINANCING", Answer.NOT_APPLICABLE, false),
				new Reason("ALREADY_FUNDED", Answer.NOT_APPLICABLE, false),
				new Reason("OTHER", Answer.NOT_APPLICABLE, true)) : List.copyOf(reasons);
	}

	Optional<Reason> reason(String code) {
		return this.reasons.stream().filter(reason -> reason.code().equalsIgnoreCase(code.strip())).findFirst();
	}

	List<Reason> of(Answer answer) {
		return this.reasons.stream().filter(reason -> reason.answer() == answer).toList();
	}

	/**
	 * @param answer the answer it explains
	 * @param noteRequired true when the note must say why ("otro")
	 */
	record Reason(String code, Answer answer, boolean noteRequired) {
	}

}
