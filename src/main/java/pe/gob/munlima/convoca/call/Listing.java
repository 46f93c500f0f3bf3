package pe.gob.munlima.convoca.call;

/**
 * What a batch of raw calls is of its source: some of its calls (a feed of the latest
 * items, one page) or all of them. Only a complete listing can tell that a call is gone:
 * a call it no longer shows is closed (unless a source whose word counts as much still
 * lists it).
 */
public enum Listing {

	PARTIAL, COMPLETE

}
