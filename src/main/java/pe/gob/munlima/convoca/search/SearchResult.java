package pe.gob.munlima.convoca.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of a search.
 *
 * @param total every call that matched, not only this page
 * @param tookMs time spent in the index, parsing to snippets
 * @param facets for each facet, its values with the number of matching calls
 */
record SearchResult(String query, long total, int page, int size, String sort, double tookMs, List<Hit> hits,
		Map<String, List<FacetCount>> facets) {

	/**
	 * A call in a result list: what an analyst needs to decide whether to open it.
	 *
	 * @param amountUsd the largest amount in whole USD at the rate table's date
	 * @param snippet HTML-escaped passages of the summary, matched terms in
	 * {@code <mark>}
	 * @param score relevance; null when sorted by another key
	 */
	record Hit(long id, String title, String funder, String status, Instant deadline, BigDecimal amountMin,
			BigDecimal amountMax, String currency, Long amountUsd, List<String> applicantTypes, List<String> themes,
			String language, String sourceUrl, String snippet, Float score) {
	}

	/**
	 * @param value what to pass back as a filter (or the bucket's key)
	 * @param label what to show
	 */
	record FacetCount(String value, String label, long count) {
	}

}
