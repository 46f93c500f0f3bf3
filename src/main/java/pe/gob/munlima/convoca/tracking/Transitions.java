package pe.gob.munlima.convoca.tracking;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's allowed moves, as a table: a stage is never skipped (an application is
 * evaluated before it is prepared, prepared before it is submitted), the office may give
 * up at any point before the outcome, and a final stage is never left. Anything not
 * listed is refused with the list of what is allowed.
 */
final class Transitions {

	private static final Map<Stage, List<Stage>> ALLOWED = new EnumMap<>(Map.of(
			// from -> to
			Stage.IDENTIFIED, List.of(Stage.EVALUATING, Stage.DISCARDED), Stage.EVALUATING,
			List.of(Stage.APPLYING, Stage.DISCARDED),
			// Back to evaluation when preparing shows the call needs a second look.
			Stage.APPLYING, List.of(Stage.SUBMITTED, Stage.EVALUATING, Stage.DISCARDED),
			// Withdrawing a submitted application is a discard, not a "no adjudicada".
			Stage.SUBMITTED, List.of(Stage.AWARDED, Stage.NOT_AWARDED, Stage.DISCARDED), Stage.AWARDED, List.of(),
			Stage.NOT_AWARDED, List.of(), Stage.DISCARDED, List.of()));

	private Transitions() {
	}

	static List<Stage> from(Stage stage) {
		return ALLOWED.get(stage);
	}

	static boolean allows(Stage from, Stage to) {
		return ALLOWED.get(from).contains(to);
	}

}
