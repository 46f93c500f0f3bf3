package pe.gob.munlima.convoca.call;

/**
 * Published when a call was inserted or changed; listeners act once the transaction
 * committed.
 *
 * @param changes the fields that changed (empty for a new call)
 */
public record CallStored(long callId, Change change, java.util.List<FieldChange> changes) {

	public enum Change {

		NEW, UPDATED

	}

}
