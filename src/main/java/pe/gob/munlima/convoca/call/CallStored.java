package pe.gob.munlima.convoca.call;

/**
 * Published when a call was inserted or changed; listeners act once the transaction
 * committed.
 *
 * @param changes the fields that changed (empty for a new call)
 * @param at when it was stored (the service clock): what a listener that runs later, or
 * again after a failure, dates the change by
 */
public record CallStored(long callId, Change change, java.util.List<FieldChange> changes, java.time.Instant at) {

	public enum Change {

		NEW, UPDATED

	}

}
