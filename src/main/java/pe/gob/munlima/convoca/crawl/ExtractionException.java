package pe.gob.munlima.convoca.crawl;

/**
 * A page or item that could not be read as its definition says; the message, in Spanish,
 * says why and is shown to the office in the run's errors.
 */
class ExtractionException extends RuntimeException {

	ExtractionException(String message) {
		super(message);
	}

	ExtractionException(String message, Throwable cause) {
		super(message, cause);
	}

}
