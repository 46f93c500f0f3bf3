package pe.gob.munlima.convoca.call;

import java.time.Instant;

/**
 * Published when a call closes; listeners act once the transaction committed (the search
 * index re-indexes its status, alerts stop announcing it and tell the people who follow
 * it).
 *
 * @param statusBefore the status it had (OPEN, or FORTHCOMING for a call that never
 * opened)
 */
public record CallClosed(long callId, Reason reason, Instant closedAt, String statusBefore) {

	public enum Reason {

		/** The source marks it closed (Grants.gov "closed", EU 31094503, "Cerrada"). */
		SOURCE_STATUS,

		/** Its last deadline passed. */
		DEADLINE_PASSED,

		/** A complete listing of the source that had it no longer shows it. */
		DELISTED

	}

}
