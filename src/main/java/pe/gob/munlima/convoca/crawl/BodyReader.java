package pe.gob.munlima.convoca.crawl;

import java.net.URI;

/**
 * Reads a fetched listing page whole, for kinds whose pages are not calls (iati): the
 * crawler still fetches, pages, caps and records the run; this reads and stores.
 */
@FunctionalInterface
interface BodyReader {

	/**
	 * @param uri the page's address
	 * @throws ExtractionException when the page cannot be read
	 */
	PageRead read(Body body, URI uri);

	/**
	 * @param items items read from the page
	 * @param total the listing's item count the page gives, or null
	 */
	record PageRead(int items, Long total) {
	}

}
