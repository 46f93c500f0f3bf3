package pe.gob.munlima.convoca.crawl;

/** A fetch that did not produce a usable body; the message says why, for the run log. */
class FetchException extends RuntimeException {

	FetchException(String message) {
		super(message);
	}

	FetchException(String message, Throwable cause) {
		super(message, cause);
	}

}
