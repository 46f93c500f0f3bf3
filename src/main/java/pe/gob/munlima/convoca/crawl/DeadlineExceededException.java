package pe.gob.munlima.convoca.crawl;

/**
 * A run reached its deadline: nothing more is fetched or read. Not an error of one page
 * or item, so it is never recorded as one and the run goes on: the run stops.
 */
class DeadlineExceededException extends FetchException {

	DeadlineExceededException(String message) {
		super(message);
	}

}
