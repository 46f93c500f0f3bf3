package pe.gob.munlima.convoca.changes;

import java.time.Instant;

/**
 * One entry of the change log.
 *
 * @param seq its place in the log
 * @param subjectId the call or rule version that changed; null for kinds about files
 * @param at when the changing transaction wrote it
 */
public record Change(long seq, Kind kind, Long subjectId, Instant at) {

	public enum Kind {

		/** A call was stored, changed, closed or removed: subject is the call id. */
		CALL,

		/**
		 * A rule set was activated, rolled back or edited: subject is the rule_version
		 * id.
		 */
		RULES,

		/** An administrator reloaded the thesaurus. */
		THESAURUS,

		/** Source definitions were added, edited or removed. */
		SOURCES

	}

}
