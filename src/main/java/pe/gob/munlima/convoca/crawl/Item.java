package pe.gob.munlima.convoca.crawl;

import java.util.List;

/**
 * One call as an extractor found it (an HTML element, a JSON object, an XML record, a CSV
 * row, a feed entry), before its fields are mapped.
 */
interface Item {

	/**
	 * The values a locator finds in this item, in document order; empty when none.
	 * @param locator a locator of the item's kind, already validated
	 * @param markup the HTML of a match instead of its text, where the kind has markup
	 */
	List<String> select(String locator, boolean markup);

	/**
	 * The links a CSS selector finds in this item, with their text, for attached
	 * documents; none for kinds without markup.
	 */
	default List<Link> links(String selector) {
		return List.of();
	}

	/**
	 * @param url the absolute address
	 * @param text the link's text, possibly blank
	 */
	record Link(String url, String text) {
	}

}
