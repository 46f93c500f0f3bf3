package pe.gob.munlima.convoca.crawl;

import java.net.URI;
import java.util.function.Consumer;

/**
 * Reads the calls of one fetched page of one kind of source. Items are handed over as
 * they are read, so a large extract is never held whole in memory.
 */
interface Extractor {

	/**
	 * @return what the page says about the listing (next page, total)
	 * @throws ExtractionException when the page cannot be read at all
	 */
	PageInfo read(Body body, Reading reading, Consumer<Item> sink);

	/** Why a locator of this kind is not valid, or null when it is. */
	String check(String locator);

	/** Why the items locator is not valid, or null when it is. */
	default String checkItems(String locator) {
		return check(locator);
	}

	/**
	 * How to read one page.
	 *
	 * @param base the page's address, against which relative links resolve
	 * @param items where the calls are in the page (see
	 * {@link SourceDefinition#items()}), or null: the whole page is one call
	 * @param next where the next page's link is, or null
	 * @param total where the listing's item count is, or null
	 * @param maxUncompressedBytes largest content accepted from a zipped page
	 */
	record Reading(URI base, String items, String next, String total, long maxUncompressedBytes) {
	}

	/**
	 * @param next the next page's link as the page gives it (absolute), or null
	 * @param total the listing's total item count, or null when unknown
	 */
	record PageInfo(String next, Long total) {

		static final PageInfo NONE = new PageInfo(null, null);

	}

}
