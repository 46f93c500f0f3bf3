package pe.gob.munlima.convoca.search;

import java.util.List;

/**
 * What the Convocatorias page shows: one page of hits, the facets to narrow them, the
 * filters in force (each removable), sort options, paging and the CSV link. Labels of
 * codes are left to the template ({@code @labels.facet(dim, value)}), which knows the
 * reader's language.
 *
 * @param error why the search could not run (a query that does not parse), or null
 * @param form the values of the filter form, as given
 */
record SearchPage(String q, String sort, String error, long total, List<HitView> hits, List<FacetGroup> facets,
		List<Chip> filters, List<Option> sorts, Pager pager, String csvUrl, Form form) {

	/** A hit with its snippet in parts, ready to be written as text. */
	record HitView(SearchResult.Hit hit, Snippet snippet) {

		static HitView of(SearchResult.Hit hit) {
			return new HitView(hit, Snippet.of(hit.snippet()));
		}

	}

	/**
	 * @param dim the filter's parameter name ({@code theme}, {@code deadline} ...)
	 */
	record FacetGroup(String dim, List<FacetValue> values) {
	}

	/**
	 * @param url the search with this value toggled; null when it cannot be a filter
	 * (calls without a deadline or amount)
	 */
	record FacetValue(String value, long count, boolean selected, String url) {
	}

	/** A filter in force and the search without it. */
	record Chip(String dim, String value, String removeUrl) {
	}

	record Option(String value, boolean current, String url) {
	}

	/**
	 * @param page zero-based
	 * @param links up to a few pages around the current one
	 */
	record Pager(int page, int pages, String previousUrl, String nextUrl, List<Option> links) {
	}

	/**
	 * @param keptByQuery what the text box's form carries along (every filter)
	 * @param keptByRanges what the range form carries along (the text and the facets)
	 */
	record Form(String deadlineFrom, String deadlineTo, String amountMin, String amountMax, List<Hidden> keptByQuery,
			List<Hidden> keptByRanges) {
	}

	/** A parameter a form carries along unchanged. */
	record Hidden(String name, String value) {
	}

}
