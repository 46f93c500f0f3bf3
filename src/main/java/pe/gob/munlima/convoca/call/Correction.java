package pe.gob.munlima.convoca.call;

import java.time.Instant;

/**
 * One correction of one fact of a call by the office: the value it gave (null when the
 * call does not require the fact), what it relied on, and what the sources said then and
 * say now.
 *
 * @param fact a requirement's name ({@code applicantTypes}, {@code amountMax} …) or
 * {@code deadline}
 * @param value the corrected value, as JSON would hold it (a list of codes, a number, a
 * boolean, a code, a date {@code 2027-03-15}); null: the call does not require it
 * @param evidence the sentence or document the correction relies on
 * @param sourceValue what the sources said when the office corrected the fact
 * @param conflictValue what the sources say now, when it differs from both: the office
 * decides ({@link State#ACTIVE} with a conflict)
 * @param closedBy who superseded or withdrew it
 */
public record Correction(long id, long callId, String fact, Object value, String evidence, String note, String author,
		Origin origin, Instant createdAt, Object sourceValue, String sourceEvidence, Object conflictValue,
		String conflictEvidence, Instant conflictAt, State state, Instant closedAt, String closedBy) {

	/** Whether the sources now say something else than when the office corrected it. */
	public boolean inConflict() {
		return this.state == State.ACTIVE && this.conflictAt != null;
	}

	/** Where the office corrected it. */
	public enum Origin {

		/** The call's page. */
		PAGE,
		/** The REST API. */
		API,
		/** The review queue. */
		QUEUE

	}

	public enum State {

		/** Laid over the sources on every merge. */
		ACTIVE,
		/** Replaced by a later correction of the same fact. */
		SUPERSEDED,
		/** The office took the sources' value instead. */
		WITHDRAWN

	}

}
