package pe.gob.munlima.convoca.call;

/** Published after a call was inserted or changed, once the transaction committed. */
public record CallStored(long callId, Change change) {

	public enum Change {

		NEW, UPDATED

	}

}
