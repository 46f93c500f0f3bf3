package pe.gob.munlima.convoca.tracking;

import java.time.Instant;
import java.util.List;

import pe.gob.munlima.convoca.money.Amount;

/**
 * A tracked application with its whole stage history, for reports.
 *
 * @param history every stage it entered, oldest first (the first is
 * {@link Stage#IDENTIFIED}, when the match was found)
 * @param requested what was asked of the funder when it was submitted; null before
 * @param award the award as last recorded; null unless awarded
 */
public record ApplicationRecord(long matchId, long callId, long projectId, Stage stage, List<Entered> history,
		Amount requested, Award award) {

	public ApplicationRecord {
		history = List.copyOf(history);
	}

	/** The first time the application entered {@code stage}, if it ever did. */
	public java.util.Optional<Instant> entered(Stage stage) {
		return this.history.stream().filter(entry -> entry.stage() == stage).map(Entered::at).findFirst();
	}

	/** One stage change: the stage entered and when. */
	public record Entered(Stage stage, Instant at) {
	}

}
